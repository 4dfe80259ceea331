package live.bookhub.gateway.system;

import live.bookhub.gateway.session.SseEndpoint;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SseConfig {

    @Bean
    ServletRegistrationBean<SseEndpoint> sseServlet(SseEndpoint endpoint) {
        ServletRegistrationBean<SseEndpoint> registration = new ServletRegistrationBean<>(endpoint, "/sse");
        registration.setAsyncSupported(true);
        registration.setName("sse");
        return registration;
    }
}
