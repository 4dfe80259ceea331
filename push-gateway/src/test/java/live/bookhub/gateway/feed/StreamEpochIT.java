package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The stream's epoch: a position of a life of the stream that Redis lost is answered with a
 * {@code sync:reset}, never with a partial replay of the new life; a position of the current life
 * replays exactly what was missed; connected clients are told when the stream begins a new life.
 */
class StreamEpochIT extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aResumeWithAnOldEpochGetsAResetAndAResumeWithTheCurrentOneExactlyWhatItMissed() {
        try (StreamPublisher publisher = publisher()) {
            String oldPosition;
            String oldId;
            try (WsClient before = connect("topics=books")) {
                publisher.book(1);
                oldId = publisher.book(2);
                await().atMost(WAIT).until(() -> before.events().size() == 2);
                oldPosition = before.position();
            }
            publisher.book(3); // appended after the client left, then lost with the stream
            publisher.loseTheStream();
            String first = publisher.book(4);
            String second = publisher.book(5);
            String epoch = publisher.epoch();

            try (WsClient oldEpoch = connect("topics=books&lastEventId=" + oldPosition);
                 WsClient bareOldId = connect("topics=books&lastEventId=" + oldId);
                 WsClient current = connect("topics=books&lastEventId=" + epoch + ":" + first)) {
                String live = publisher.book(6);
                for (WsClient reset : List.of(oldEpoch, bareOldId)) {
                    await().atMost(WAIT).until(() -> reset.eventIds().contains(live));
                    assertThat(reset.welcome().path("epoch").asString()).isEqualTo(epoch);
                    assertThat(reset.welcome().path("lastEventId").asString()).isEqualTo(epoch + ":" + second);
                    JsonNode syncReset = reset.framesOfType("sync:reset").get(0);
                    assertThat(syncReset.path("reason").asString()).isEqualTo("epoch_changed");
                    assertThat(syncReset.path("lastEventId").asString()).isEqualTo(epoch + ":" + second);
                    assertThat(reset.eventIds()).containsExactly(live);
                }
                await().atMost(WAIT).until(() -> current.eventIds().contains(live));
                assertThat(current.framesOfType("sync:reset")).isEmpty();
                assertThat(current.eventIds()).containsExactly(second, live);
                assertThat(current.events()).allSatisfy(event -> assertThat(event.path("epoch").asString()).isEqualTo(epoch));
            }
        }
    }

    @Test
    void connectedClientsAreToldToRefetchBeforeTheFirstEventOfANewLife() {
        try (StreamPublisher publisher = publisher(); WsClient client = connect("topics=books")) {
            publisher.book(1);
            await().atMost(WAIT).until(() -> client.events().size() == 1);
            String oldEpoch = publisher.epoch();

            publisher.loseTheStream();
            String first = publisher.book(2);
            String epoch = publisher.epoch();
            await().atMost(WAIT).until(() -> client.eventIds().contains(first));

            List<String> types = client.frames().stream().map(frame -> frame.path("type").asString()).toList();
            assertThat(types).containsSubsequence("book:updated", "sync:reset", "book:updated");
            JsonNode syncReset = client.framesOfType("sync:reset").get(0);
            assertThat(epoch).isNotEqualTo(oldEpoch);
            assertThat(syncReset.path("reason").asString()).isEqualTo("epoch_changed");
            assertThat(syncReset.path("lastEventId").asString()).isEqualTo(epoch + ":0-0");
        }
    }
}
