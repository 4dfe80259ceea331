package live.bookhub.gateway;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** A stateless replica that forwards the Redis event stream to its WebSocket clients. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Tomcat's WebSocket buffers per connection (three of them); read once, when its WebSocket classes load. */
    private static final String WEBSOCKET_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    public static void main(String[] args) {
        if (System.getProperty(WEBSOCKET_BUFFER_SIZE) == null) {
            // 8 KB by default, three times per connection; most connections idle and events are a few hundred bytes.
            System.setProperty(WEBSOCKET_BUFFER_SIZE, "2048");
        }
        SpringApplication.run(GatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
