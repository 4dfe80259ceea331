package live.bookhub.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.api.sync.RedisCommands;
import live.bookhub.events.EventStream;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.TestInfra;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A client's opening while the gateway waits for Redis to say where the stream stands (held up here
 * with {@code CLIENT PAUSE}): the welcome still comes first, ops sent before it are answered after it
 * in order, a client gone meanwhile gets nothing and keeps no place, and a failed read closes with 1011.
 * One event loop serves every client here, so a loop waiting for Redis would hold them all.
 */
@TestPropertySource(properties = {"bookhub.gateway.max-connections-per-user=1", "bookhub.gateway.io-threads=1"})
class OpeningIT extends GatewayTest {

    private static final String ADA = TestInfra.API_KEY.token("ada", "customer");
    private static final String EPOCH_KEPT = EventStream.EPOCH_KEY + ":kept-by-test";

    @Autowired
    private Hub<ClientSession> hub;

    private final List<WsClient> clients = new ArrayList<>();
    private StreamPublisher publisher;
    private RedisCommands<String, String> redis;

    @BeforeEach
    void redis() {
        publisher = publisher();
        redis = publisher.connection().sync();
        publisher.book(1); // a stream to read
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.size() == 0);
    }

    @AfterEach
    void cleanUp() {
        if (redis.exists(EPOCH_KEPT) == 1) {
            redis.rename(EPOCH_KEPT, EventStream.EPOCH_KEY);
        }
        clients.forEach(WsClient::close);
        publisher.close();
    }

    @Test
    void opsSentBeforeTheWelcomeAreAnsweredAfterItInOrder() {
        redis.clientPause(1500);
        WsClient client = handshake("topics=books&access_token=" + ADA);

        client.send("{\"op\":\"ping\"}");
        client.send("{\"op\":\"subscribe\",\"topics\":[\"orders:ada\"]}");
        client.send("{\"op\":\"unsubscribe\",\"topics\":[\"books\"]}");
        assertThat(client.frames()).as("nothing before Redis answered").isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> client.frames().size() >= 4);
        assertThat(client.frames()).extracting(frame -> frame.path("type").asString())
                .containsExactly("welcome", "pong", "subscribed", "subscribed");
        assertThat(client.framesOfType("subscribed").get(1).path("topics").valueStream().map(topic -> topic.asString()).toList())
                .containsExactly("orders:ada");
    }

    @Test
    void clientsOnTheSameLoopAreServedWhileAnOpeningWaitsForRedis() {
        WsClient open = connect("topics=books");
        clients.add(open);
        redis.clientPause(3000);
        WsClient opening = handshake("topics=books&access_token=" + ADA);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.size() == 2); // its token is checked: it waits for Redis now

        open.send("{\"op\":\"ping\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> !open.framesOfType("pong").isEmpty());
        assertThat(opening.frames()).as("the opening client, still waiting for Redis").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !opening.frames().isEmpty());
        assertThat(opening.frames().get(0).path("type").asString()).isEqualTo("welcome");
    }

    @Test
    void aClientGoneBeforeItsWelcomeIsSentNothingAndKeepsNoPlace() {
        redis.clientPause(1500);
        WsClient gone = handshake("topics=books&access_token=" + ADA);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.size() == 1);

        gone.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.size() == 0);

        WsClient again = connect("topics=books&access_token=" + ADA); // opened once the pause is over: the user's one place is free again
        clients.add(again);
        assertThat(again.frames()).extracting(frame -> frame.path("type").asString()).containsExactly("welcome");
        assertThat(again.isOpen()).isTrue();
        assertThat(gone.frames()).isEmpty();
        assertThat(hub.size()).isEqualTo(1);
    }

    @Test
    void aFailedReadOfTheStreamClosesWith1011AndGivesThePlaceBack() {
        redis.rename(EventStream.EPOCH_KEY, EPOCH_KEPT);
        redis.set(EventStream.EPOCH_KEY, "not a hash"); // the read script fails: WRONGTYPE

        WsClient failed = handshake("topics=books&access_token=" + ADA);

        assertThat(failed.closeCode()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1011);
        assertThat(failed.frames()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.size() == 0);
        redis.del(EventStream.EPOCH_KEY);
        redis.rename(EPOCH_KEPT, EventStream.EPOCH_KEY);
        WsClient again = connect("topics=books&access_token=" + ADA);
        clients.add(again);
        assertThat(again.framesOfType("welcome")).hasSize(1);
        assertThat(again.isOpen()).isTrue();
    }

    private WsClient handshake(String query) {
        WsClient client = WsClient.handshake(port, query, Map.of());
        clients.add(client);
        return client;
    }
}
