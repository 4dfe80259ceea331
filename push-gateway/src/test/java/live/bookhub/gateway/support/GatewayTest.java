package live.bookhub.gateway.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole gateway on a random port against the shared real Redis and JWKS; tests drive it with real
 * WebSocket and SSE clients and publish events as the watcher does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTest {

    protected static final TestInfra INFRA = TestInfra.get();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", INFRA::redisUri);
        registry.add("bookhub.gateway.jwks-uri", () -> INFRA.jwks().uri());
    }

    protected StreamPublisher publisher() {
        return new StreamPublisher(INFRA.redisUri());
    }

    protected WsClient connect(String query) {
        return WsClient.connect(port, query);
    }
}
