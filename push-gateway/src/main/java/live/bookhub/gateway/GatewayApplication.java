package live.bookhub.gateway;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * A stateless replica that forwards the Redis event stream to its WebSocket and SSE clients; the
 * packages and how they depend on each other are described in the module's README.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    static {
        // io_uring's classes are here for the clients' port; seeing them, Lettuce would set io_uring's options
        // on its own epoll channels to Redis, with a WARN for each. Its Redis connections stay on epoll.
        if (System.getProperty("io.lettuce.core.iouring") == null) {
            System.setProperty("io.lettuce.core.iouring", "false");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The fan-out of this replica's client sessions; the live feed hands it every event but the control events. */
    @Bean
    Hub<ClientSession> hub(MeterRegistry meters) {
        return new Hub<>(meters);
    }
}
