package live.bookhub.gateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.SseClient;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.TestInfra;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code session:revoked} control events, published as the watcher does, over real connections: a
 * demoted user's open connections lose what the new role may not read, a deleted user's are closed,
 * and no client, live or resuming, ever receives a control event.
 */
class RevocationIT extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<WsClient> clients = new ArrayList<>();

    @Autowired
    private MeterRegistry meters;

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    @Test
    void aDemotedAdminsConnectionsLoseTheTopicsOfAnAdminAndEveryoneElseIsUntouched() throws Exception {
        String ada = "ada" + System.nanoTime();
        String adaAsAdmin = "topics=books,admin,orders:" + ada + ",orders:bob&access_token=" + TestInfra.API_KEY.token(ada, "admin");
        WsClient first = open(adaAsAdmin);
        WsClient second = open(adaAsAdmin);
        WsClient otherAdmin = open("topics=books,admin&access_token=" + TestInfra.API_KEY.token("root", "admin"));
        WsClient anonymous = open("topics=books");

        String marker = "m" + System.nanoTime();
        String before;
        try (StreamPublisher publisher = publisher()) {
            // A position inside the stream's current life, to resume from below (with no stream yet,
            // the welcome's 0-0 names no life, and a resume from it is reset).
            String opening = publisher.book(0);
            await().atMost(WAIT).until(() -> otherAdmin.eventIds().contains(opening));
            before = otherAdmin.position();
            publisher.publish("session:revoked", "control", "{\"userId\":\"" + ada + "\",\"reason\":\"demoted\",\"role\":\"customer\"}");
            publisher.publish("book:low-stock", "admin", "{\"id\":\"" + marker + "\"}");
            publisher.publish("order:created", "orders:" + ada, "{\"id\":\"" + marker + "\"}");
            publisher.publish("book:updated", "books", "{\"id\":\"" + marker + "\"}");
        }
        for (WsClient client : List.of(first, second, otherAdmin, anonymous)) {
            await().atMost(WAIT).until(() -> topicsReceived(client, marker).contains("books"));
        }

        for (WsClient demoted : List.of(first, second)) {
            assertThat(demoted.framesOfType("error")).extracting(frame -> frame.path("code").asString() + " " + frame.path("topic").asString())
                    .containsExactly("revoked admin", "revoked orders:bob");
            assertThat(topicsReceived(demoted, marker)).containsExactly("orders:" + ada, "books");
            assertThat(demoted.isOpen()).isTrue();
        }
        assertThat(topicsReceived(otherAdmin, marker)).containsExactly("admin", "orders:" + ada, "books");
        assertThat(otherAdmin.framesOfType("error")).isEmpty();

        first.send("{\"op\":\"subscribe\",\"topics\":[\"admin\"]}");
        await().atMost(WAIT).until(() -> first.framesOfType("subscribed").size() == 1);
        assertThat(first.framesOfType("error").get(2).path("code").asString()).isEqualTo("forbidden");
        assertThat(first.framesOfType("subscribed").get(0).toString()).doesNotContain("\"admin\"");

        WsClient resumed = open("topics=books,admin&lastEventId=" + before + "&access_token=" + TestInfra.API_KEY.token("root", "admin"));
        await().atMost(WAIT).until(() -> topicsReceived(resumed, marker).contains("books"));
        assertThat(topicsReceived(resumed, marker)).containsExactly("admin", "orders:" + ada, "books");
        for (WsClient client : clients) {
            assertThat(client.frames()).noneMatch(RevocationIT::isControl);
        }
        assertThat(prometheus()).contains("bookhub_gateway_revoked_connections_total{action=\"topics_dropped\"",
                "bookhub_gateway_revocation_lag_seconds_bucket");
    }

    @Test
    void aDeletedUsersWebSocketAndSseConnectionsAreClosedWithTheRevokedCode() throws Exception {
        String bob = "bob" + System.nanoTime();
        String token = TestInfra.API_KEY.token(bob, "customer");
        WsClient socket = open("topics=books,orders:" + bob + "&access_token=" + token);
        WsClient someoneElse = open("topics=books&access_token=" + TestInfra.API_KEY.token("carol", "customer"));
        try (SseClient stream = SseClient.connect(port, "topics=books", Map.of("Authorization", "Bearer " + token));
             StreamPublisher publisher = publisher()) {
            await().atMost(WAIT).until(() -> !stream.ofType("welcome").isEmpty());

            publisher.publish("session:revoked", "control", "{\"userId\":\"" + bob + "\",\"reason\":\"deleted\"}");

            assertThat(socket.closeCode().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4403);
            assertThat(socket.closeReason()).isEqualTo("session_revoked");
            await().atMost(WAIT).until(() -> !stream.ofType("close").isEmpty());
            assertThat(stream.ofType("close").get(0).data().path("code").asInt()).isEqualTo(4403);
            assertThat(stream.records()).noneMatch(record -> isControl(record.data()));
        }
        assertThat(socket.frames()).noneMatch(RevocationIT::isControl);
        assertThat(someoneElse.isOpen()).isTrue();
        assertThat(prometheus()).contains("bookhub_gateway_revoked_connections_total{action=\"closed\"");
    }

    @Test
    void aRevocationPublishedWhileTheGatewaysSubscriptionWasDownIsReadFromTheStreamInItsPlace() {
        String ada = "ada" + System.nanoTime();
        WsClient demoted = open("topics=books,admin&access_token=" + TestInfra.API_KEY.token(ada, "admin"));
        double resubscribes = meters.counter("bookhub.gateway.redis.resubscribes").count();
        double gapEvents = meters.counter("bookhub.gateway.redis.gap.events").count();
        String marker = "m" + System.nanoTime();
        try (StreamPublisher publisher = publisher()) {
            // Published before Lettuce can notice the kill: pub/sub never carries these to this gateway.
            publisher.killPubSubClients();
            publisher.publish("session:revoked", "control", "{\"userId\":\"" + ada + "\",\"reason\":\"demoted\",\"role\":\"customer\"}");
            publisher.publish("book:low-stock", "admin", "{\"id\":\"" + marker + "\"}");
            await().atMost(Duration.ofSeconds(15)).until(() -> meters.counter("bookhub.gateway.redis.resubscribes").count() > resubscribes);
            publisher.publish("book:updated", "books", "{\"id\":\"" + marker + "\"}");
        }
        await().atMost(WAIT).until(() -> topicsReceived(demoted, marker).contains("books"));

        assertThat(meters.counter("bookhub.gateway.redis.gap.events").count() - gapEvents).isGreaterThanOrEqualTo(2);
        assertThat(demoted.framesOfType("error")).extracting(frame -> frame.path("code").asString() + " " + frame.path("topic").asString())
                .containsExactly("revoked admin");
        assertThat(topicsReceived(demoted, marker)).containsExactly("books");
    }

    private WsClient open(String query) {
        WsClient client = connect(query);
        clients.add(client);
        return client;
    }

    private static boolean isControl(JsonNode frame) {
        return frame.path("topic").asString("").equals("control") || frame.path("type").asString("").equals("session:revoked");
    }

    private static List<String> topicsReceived(WsClient client, String marker) {
        return client.events().stream().filter(event -> event.path("data").path("id").asString("").equals(marker))
                .map(event -> event.path("topic").asString()).toList();
    }

    private String prometheus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
