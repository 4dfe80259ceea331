package live.bookhub.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.SigningKey;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.TestInfra;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rights matrix over real connections: anonymous, customer, other customer, admin, forged and expired tokens × books, orders:ada, admin. */
class RightsIT extends GatewayTest {

    private static final String ADA_TOKEN = TestInfra.API_KEY.token("ada", "customer");
    private static final String BOB_TOKEN = TestInfra.API_KEY.token("bob", "customer");
    private static final String ADMIN_TOKEN = TestInfra.API_KEY.token("root", "admin");
    private static final String FORGED_ADMIN_TOKEN = SigningKey.generate(TestInfra.API_KEY.keyId()).token("mallory", "admin");
    private static final String EXPIRED_ADMIN_TOKEN = TestInfra.API_KEY.token("root", "admin", Instant.now().minus(Duration.ofMinutes(1)));

    private final List<WsClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
    }

    @Test
    void eachViewerGetsExactlyTheTopicsItMayReadAndAnErrorNamingEachOther() {
        // Each token travels a different way: query parameter, Authorization header, cookie.
        WsClient anonymous = open("", Map.of());
        WsClient ada = open("access_token=" + ADA_TOKEN, Map.of());
        WsClient bob = open("", Map.of("Authorization", "Bearer " + BOB_TOKEN));
        WsClient admin = open("", Map.of("Cookie", "theme=dark; bookhub_token=" + ADMIN_TOKEN));
        WsClient forged = open("access_token=" + FORGED_ADMIN_TOKEN, Map.of());
        WsClient expired = open("access_token=" + EXPIRED_ADMIN_TOKEN, Map.of());

        assertThat(anonymous.welcomeTopics()).containsExactly("books");
        assertThat(ada.welcomeTopics()).containsExactly("books", "orders:ada");
        assertThat(bob.welcomeTopics()).containsExactly("books");
        assertThat(admin.welcomeTopics()).containsExactly("admin", "books", "orders:ada");
        assertThat(forged.welcomeTopics()).containsExactly("books");
        assertThat(expired.welcomeTopics()).containsExactly("books");

        assertThat(errors(anonymous)).containsExactlyInAnyOrder("unauthorized orders:ada", "unauthorized admin");
        assertThat(errors(ada)).containsExactly("forbidden admin");
        assertThat(errors(bob)).containsExactlyInAnyOrder("forbidden orders:ada", "forbidden admin");
        assertThat(errors(admin)).isEmpty();
        assertThat(errors(forged)).containsExactlyInAnyOrder("unauthorized orders:ada", "unauthorized admin");
        assertThat(errors(expired)).containsExactlyInAnyOrder("unauthorized orders:ada", "unauthorized admin");
        assertThat(expired.framesOfType("error").get(0).path("message").asString()).contains("expired");
        assertThat(forged.framesOfType("error").get(0).path("message").asString()).contains("not valid");

        String marker = "m" + System.nanoTime();
        try (StreamPublisher publisher = publisher()) {
            publisher.publish("book:updated", "books", "{\"id\":\"" + marker + "\"}");
            publisher.publish("order:created", "orders:ada", "{\"id\":\"" + marker + "\"}");
            publisher.publish("order:created", "orders:bob", "{\"id\":\"" + marker + "\"}");
            publisher.publish("admin:note", "admin", "{\"id\":\"" + marker + "\"}");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> topicsReceived(admin, marker).size() == 4);
        // One more event that everyone reads: once it arrives, nothing published before it is still on its way.
        String fence = fence();
        for (WsClient client : clients) {
            await().atMost(Duration.ofSeconds(5)).until(() -> topicsReceived(client, fence).size() == 1);
        }

        assertThat(topicsReceived(anonymous, marker)).containsExactly("books");
        assertThat(topicsReceived(ada, marker)).containsExactly("books", "orders:ada");
        assertThat(topicsReceived(bob, marker)).containsExactly("books");
        // Admins read every user's orders through the admin topic.
        assertThat(topicsReceived(admin, marker)).containsExactly("books", "orders:ada", "orders:bob", "admin");
        assertThat(topicsReceived(forged, marker)).containsExactly("books");
        assertThat(topicsReceived(expired, marker)).containsExactly("books");
    }

    @Test
    void subscribingLaterChecksRightsTheSameWayAndKeepsTheOtherTopics() {
        WsClient bob = open("topics=books&access_token=" + BOB_TOKEN, Map.of());

        bob.send("{\"op\":\"subscribe\",\"topics\":[\"orders:bob\",\"orders:ada\",\"admin\",\"nonsense\"]}");

        await().atMost(Duration.ofSeconds(5)).until(() -> !bob.framesOfType("subscribed").isEmpty());
        assertThat(errors(bob)).containsExactlyInAnyOrder("forbidden orders:ada", "forbidden admin", "bad_topic nonsense");
        assertThat(bob.framesOfType("subscribed").get(0).path("topics").toString()).isEqualTo("[\"books\",\"orders:bob\"]");
    }

    @Test
    void aResumeReplaysOnlyWhatTheViewerMayRead() {
        String marker = "r" + System.nanoTime();
        String before;
        try (StreamPublisher publisher = publisher()) {
            before = publisher.book(0);
            publisher.publish("book:updated", "books", "{\"id\":\"" + marker + "\"}");
            publisher.publish("order:created", "orders:ada", "{\"id\":\"" + marker + "\"}");
            publisher.publish("order:created", "orders:bob", "{\"id\":\"" + marker + "\"}");
            publisher.publish("admin:note", "admin", "{\"id\":\"" + marker + "\"}");
        }
        String query = "topics=books,orders:ada,orders:bob,admin&lastEventId=" + before + "&access_token=";
        WsClient bob = open(query + BOB_TOKEN, Map.of());
        WsClient admin = open(query + ADMIN_TOKEN, Map.of());
        WsClient anonymous = open("topics=books,orders:ada,admin&lastEventId=" + before, Map.of());
        String fence = fence();
        for (WsClient client : List.of(bob, admin, anonymous)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> topicsReceived(client, fence).size() == 1);
        }

        assertThat(topicsReceived(bob, marker)).containsExactly("books", "orders:bob");
        assertThat(topicsReceived(admin, marker)).containsExactly("books", "orders:ada", "orders:bob", "admin");
        assertThat(topicsReceived(anonymous, marker)).containsExactly("books");
    }

    private WsClient open(String query, Map<String, String> headers) {
        String topics = query.contains("topics=") ? "" : "topics=books,orders:ada,admin";
        String full = topics.isEmpty() ? query : query.isEmpty() ? topics : topics + "&" + query;
        WsClient client = WsClient.connect(port, full, headers);
        clients.add(client);
        return client;
    }

    private String fence() {
        String fence = "f" + System.nanoTime();
        try (StreamPublisher publisher = publisher()) {
            publisher.publish("book:updated", "books", "{\"id\":\"" + fence + "\"}");
        }
        return fence;
    }

    private static List<String> errors(WsClient client) {
        return client.framesOfType("error").stream()
                .map(error -> error.path("code").asString() + " " + error.path("topic").asString()).toList();
    }

    private static List<String> topicsReceived(WsClient client, String marker) {
        return client.events().stream().filter(event -> event.path("data").path("id").asString().equals(marker))
                .map(event -> event.path("topic").asString()).toList();
    }

}
