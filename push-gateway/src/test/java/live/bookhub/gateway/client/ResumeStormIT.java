package live.bookhub.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Many clients resume at once from a few positions, while live events keep coming: the gateway
 * reads the stream once for all the clients at one position, and each client still gets exactly the
 * events after its own position, once each, in order.
 */
@TestPropertySource(properties = "bookhub.gateway.replay-page-size=20")
class ResumeStormIT extends GatewayTest {

    private static final int BEHIND = 120;
    private static final int LIVE = 30;
    private static final int[] POSITIONS = {0, 37, 80};
    private static final int CLIENTS_PER_POSITION = 20;

    @Autowired
    private MeterRegistry meters;

    @Test
    void clientsResumingTogetherFromAFewPositionsEachGetExactlyTheEventsAfterTheirOwnOnce() throws Exception {
        List<String> published = new ArrayList<>();
        ExecutorService connecting = Executors.newFixedThreadPool(8);
        List<CompletableFuture<WsClient>> clients = new ArrayList<>();
        List<Integer> startOf = new ArrayList<>();
        double sharedBefore = meters.counter("bookhub.gateway.stream.reads.shared").count();
        try (StreamPublisher publisher = publisher()) {
            for (int i = 0; i < BEHIND; i++) {
                published.add(publisher.book(i));
            }
            String epoch = publisher.epoch();
            for (int position : POSITIONS) {
                for (int i = 0; i < CLIENTS_PER_POSITION; i++) {
                    startOf.add(position);
                    String lastEventId = epoch + ":" + published.get(position);
                    clients.add(CompletableFuture.supplyAsync(() -> connect("topics=books&lastEventId=" + lastEventId), connecting));
                }
            }
            for (int i = BEHIND; i < BEHIND + LIVE; i++) {
                published.add(publisher.book(i)); // while the storm resumes
            }
            String last = published.get(published.size() - 1);
            for (int c = 0; c < clients.size(); c++) {
                try (WsClient client = clients.get(c).join()) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> client.eventIds().contains(last));
                    assertThat(client.eventIds()).as("events of a client resuming after event %d", startOf.get(c))
                            .containsExactlyElementsOf(published.subList(startOf.get(c) + 1, published.size()));
                }
            }
        } finally {
            connecting.shutdownNow();
        }
        assertThat(meters.counter("bookhub.gateway.stream.reads.shared").count())
                .as("reads answered by another client's read at the same position").isGreaterThan(sharedBefore);
    }
}
