package live.bookhub.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * events after its own position, once each, in order; a filtered client, exactly what its filter
 * selects from the shared pages.
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

    @Test
    void filteredClientsResumingTogetherFromOnePositionShareTheReadsAndEachGetsWhatItsOwnFilterSelects() throws Exception {
        String run = "s" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String cheap = "{\"price\":{\"max\":9}}";
        String oneBook = "{\"ids\":[\"" + run + "b1\"]}";
        List<String> cheapSelects = new ArrayList<>();
        List<String> oneBookSelects = new ArrayList<>();
        ExecutorService connecting = Executors.newFixedThreadPool(8);
        List<CompletableFuture<WsClient>> clients = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        double sharedBefore = meters.counter("bookhub.gateway.stream.reads.shared").count();
        try (StreamPublisher publisher = publisher()) {
            String startId = publisher.publish("book:updated", "books", "{\"id\":\"" + run + "start\"}");
            String start = publisher.epoch() + ":" + startId;
            for (int i = 0; i < BEHIND; i++) {
                priceChange(publisher, run, i, cheapSelects, oneBookSelects);
            }
            for (int i = 0; i < CLIENTS_PER_POSITION; i++) {
                String filter = i % 2 == 0 ? cheap : oneBook;
                expected.add(i % 2 == 0 ? cheapSelects : oneBookSelects);
                String query = "lastEventId=" + encode(start) + "&filter=" + encode(filter);
                clients.add(CompletableFuture.supplyAsync(() -> connect(query), connecting));
            }
            for (int i = BEHIND; i < BEHIND + LIVE; i++) {
                priceChange(publisher, run, i, cheapSelects, oneBookSelects); // while the storm resumes
            }
            String last = publisher.publish("book:updated", "books", book(run + "b1", 5), "\"changed\":[\"stock\"],\"before\":" + filterable(5, 3));
            cheapSelects.add(last);
            oneBookSelects.add(last);
            for (int c = 0; c < clients.size(); c++) {
                try (WsClient client = clients.get(c).join()) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> client.eventIds().contains(last));
                    assertThat(client.eventIds()).as("events of resuming client %d", c).containsExactlyElementsOf(expected.get(c));
                    assertThat(client.events()).as("what clients get carries no before").noneMatch(event -> event.has("before"));
                }
            }
        } finally {
            connecting.shutdownNow();
        }
        assertThat(meters.counter("bookhub.gateway.stream.reads.shared").count())
                .as("reads answered by another filtered client's read at the same position").isGreaterThan(sharedBefore);
    }

    /** A price change of one of six books, with the old values in {@code before} as the watcher sends them. */
    private static void priceChange(StreamPublisher publisher, String run, int n, List<String> cheapSelects, List<String> oneBookSelects) {
        String id = run + "b" + n % 6;
        int before = n * 7 % 20;
        int after = n * 11 % 20;
        String eventId = publisher.publish("book:updated", "books", book(id, after), "\"changed\":[\"price\"],\"before\":" + filterable(before, 4));
        if (before <= 9 || after <= 9) {
            cheapSelects.add(eventId);
        }
        if (id.equals(run + "b1")) {
            oneBookSelects.add(eventId);
        }
    }

    private static String book(String id, int price) {
        return "{\"id\":\"" + id + "\",\"title\":\"T\",\"genre\":\"fantasy\",\"price\":" + price + ",\"stock\":4}";
    }

    /** The filterable fields as the watcher's {@code before} carries them. */
    private static String filterable(int price, int stock) {
        return "{\"genre\":\"fantasy\",\"price\":" + price + ",\"stock\":" + stock + "}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
