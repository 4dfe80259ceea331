package live.bookhub.gateway.system;

import live.bookhub.gateway.session.WebSocketEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    /** The container hands frames over in pieces of at most this; WebSocketEndpoint joins them up to max-frame-size. */
    private static final int CONTAINER_BUFFER_BYTES = 8 * 1024;

    private final WebSocketEndpoint endpoint;
    private final GatewayProperties properties;

    WebSocketConfig(WebSocketEndpoint endpoint, GatewayProperties properties) {
        this.endpoint = endpoint;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(endpoint, "/ws").setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(CONTAINER_BUFFER_BYTES);
        return container;
    }
}
