package live.bookhub.gateway.support;

import live.bookhub.gateway.transport.ClientPort;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole gateway on random ports against the shared real Redis and JWKS; tests drive it with real
 * WebSocket and SSE clients on its clients' port, read its admin port, and publish events as the
 * watcher does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bookhub.gateway.port=0")
public abstract class GatewayTest {

    protected static final TestInfra INFRA = TestInfra.get();

    /** The clients' port: /ws and /sse. */
    protected int port;

    /** The admin port: /actuator/health and /actuator/prometheus. */
    @LocalServerPort
    protected int adminPort;

    @Autowired
    private ClientPort clientPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", INFRA::redisUri);
        registry.add("bookhub.gateway.jwks-uri", () -> INFRA.jwks().uri());
    }

    @BeforeEach
    void clientsPort() {
        port = clientPort.port();
    }

    protected StreamPublisher publisher() {
        return new StreamPublisher(INFRA.redisUri());
    }

    protected WsClient connect(String query) {
        return WsClient.connect(port, query);
    }
}
