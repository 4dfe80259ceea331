package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.Test;

/**
 * The bounded stream trims its head as the watcher appends. A client whose next entry was trimmed
 * cannot be brought up to date and gets a {@code sync:reset}; one whose own last entry was trimmed,
 * but nothing after it, replays exactly what it missed. Redis 7 does not tell trimming apart (its
 * max-deleted-entry-id moves on XDEL only): the fault harness found such clients resumed with a gap.
 */
class TrimmedHistoryIT extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int KEPT = 5;

    @Test
    void aPositionWhoseNextEntryWasTrimmedGetsAResetAndOneJustBeforeTheHeadReplaysEverything() {
        try (StreamPublisher publisher = new StreamPublisher(INFRA.redisUri(), KEPT)) {
            publisher.loseTheStream();
            List<String> ids = new ArrayList<>();
            try (WsClient observer = connect("topics=books")) {
                for (int n = 1; n <= 8; n++) {
                    ids.add(publisher.book(n));
                }
                // Once the feed has handed out the last one, it has seen the stream's new life begin:
                // the clients below connect after that, and get no epoch_changed of their own.
                await().atMost(WAIT).until(() -> observer.eventIds().contains(ids.get(7)));
            }
            // Books 1 to 3 were trimmed; 4 to 8 are left.
            assertThat(publisher.streamIds()).containsExactlyElementsOf(ids.subList(3, 8));
            String epoch = publisher.epoch();

            try (WsClient gap = connect("topics=books&lastEventId=" + epoch + ":" + ids.get(1));
                 WsClient bareGap = connect("topics=books&lastEventId=" + ids.get(1));
                 WsClient whole = connect("topics=books&lastEventId=" + epoch + ":" + ids.get(2))) {
                String live = publisher.book(9);
                for (WsClient reset : List.of(gap, bareGap)) {
                    await().atMost(WAIT).until(() -> reset.eventIds().contains(live));
                    assertThat(reset.framesOfType("sync:reset")).singleElement()
                            .satisfies(frame -> assertThat(frame.path("reason").asString()).isEqualTo("history_lost"));
                    assertThat(reset.eventIds()).containsExactly(live);
                }
                await().atMost(WAIT).until(() -> whole.eventIds().contains(live));
                assertThat(whole.framesOfType("sync:reset")).isEmpty();
                assertThat(whole.eventIds()).containsExactlyElementsOf(
                        List.of(ids.get(3), ids.get(4), ids.get(5), ids.get(6), ids.get(7), live));
            }
        }
    }
}
