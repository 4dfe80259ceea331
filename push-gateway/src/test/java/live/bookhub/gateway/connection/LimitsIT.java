package live.bookhub.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.SilentClient;
import live.bookhub.gateway.support.SseClient;
import live.bookhub.gateway.support.TestInfra;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "bookhub.gateway.max-connections=3",
        "bookhub.gateway.max-connections-per-user=1",
        "bookhub.gateway.allowed-origins=http://shop.test",
        "bookhub.gateway.ping-interval=200ms",
        "bookhub.gateway.idle-timeout=1s",
        "bookhub.gateway.handshake-timeout=1s"})
class LimitsIT extends GatewayTest {

    private static final String ADA = TestInfra.API_KEY.token("ada", "customer");

    @Autowired
    private Hub<ClientSession> hub;
    @Autowired
    private MeterRegistry meters;

    private final List<WsClient> clients = new ArrayList<>();

    @BeforeEach
    void noClientsLeft() {
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.size() == 0);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    @Test
    void aUserOverItsConnectionLimitIsClosedWith1008AndMayComeBackOnceAPlaceIsFree() {
        WsClient first = open("access_token=" + ADA);
        WsClient second = open("access_token=" + ADA);

        assertThat(first.isOpen()).isTrue();
        assertThat(second.closeCode()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1008);
        assertThat(second.closeReason()).isEqualTo("user_connection_limit");

        first.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.size() == 0);
        assertThat(open("access_token=" + ADA).isOpen()).isTrue();
    }

    @Test
    void aFullGatewayClosesNewClientsWith1013() {
        for (int i = 0; i < 3; i++) {
            assertThat(open("").isOpen()).isTrue();
        }

        WsClient fourth = open("");

        assertThat(fourth.closeCode()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1013);
        assertThat(fourth.closeReason()).isEqualTo("gateway_full");
    }

    @Test
    void onlyAllowedOriginsMayConnect() throws Exception {
        try (WsClient allowed = WsClient.connect(port, "topics=books", Map.of("Origin", "http://shop.test"))) {
            assertThat(allowed.isOpen()).isTrue();
        }
        assertThatThrownBy(() -> WsClient.connect(port, "topics=books", Map.of("Origin", "http://evil.test")))
                .rootCause().hasMessageContaining("403");
        try (SseClient sse = SseClient.connect(port, "topics=books", Map.of("Origin", "http://evil.test"))) {
            assertThat(sse.status()).isEqualTo(403);
        }
    }

    @Test
    void aPeerThatAnswersNoPingsIsClosedWhileOneThatAnswersStays() throws Exception {
        double deadBefore = meters.counter("bookhub.gateway.dead.closes").count();
        WsClient alive = open("");
        try (SilentClient silent = SilentClient.connect(port, "topics=books")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> meters.counter("bookhub.gateway.dead.closes").count() > deadBefore);
        }
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(alive::isOpen);
    }

    @Test
    void aConnectionDoesNotOutliveItsToken() {
        String shortLived = TestInfra.API_KEY.token("ada", "customer", Instant.now().plusSeconds(2));

        WsClient client = connect("topics=books,orders:ada&access_token=" + shortLived);
        clients.add(client);

        assertThat(client.welcomeTopics()).containsExactly("books", "orders:ada");
        assertThat(client.closeCode()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1008);
        assertThat(client.closeReason()).isEqualTo("token_expired");
    }

    @Test
    void aConnectionThatSendsNoRequestIsClosedAfterTheHandshakeTimeout() throws Exception {
        try (Socket idle = new Socket()) {
            idle.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            idle.setSoTimeout(10_000);
            assertThat(idle.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }
    }

    private WsClient open(String query) {
        WsClient client = connect(query.isEmpty() ? "topics=books" : "topics=books&" + query);
        clients.add(client);
        return client;
    }
}
