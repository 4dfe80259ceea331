package live.bookhub.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.Test;

class ResumeUnderLoadIT extends GatewayTest {

    private static final int RATE_PER_SECOND = 1000;
    private static final int EVENTS = 6000;
    private static final int HOPPERS = 4;

    private final List<String> published = new CopyOnWriteArrayList<>();

    @Test
    void clientsThatReconnectWithTheirLastEventIdWhileEventsArriveAt1000PerSecondMissNothingAndGetNothingTwice() throws Exception {
        // The stream exists before anyone connects: a client welcomed before there was any stream cannot
        // tell a first life from a later one when it resumes with its bare 0-0, and is reset.
        try (StreamPublisher warmUp = publisher()) {
            warmUp.book(-1);
        }
        List<Hopper> hoppers = new ArrayList<>();
        for (int i = 0; i < HOPPERS; i++) {
            hoppers.add(new Hopper(connect("topics=books")));
        }
        ExecutorService publishing = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "test-publisher"));
        try (WsClient steady = connect("topics=books")) {
            Future<?> done = publishing.submit(this::publishAtRate);
            while (!done.isDone()) {
                for (Hopper hopper : hoppers) {
                    int seen = published.size();
                    hopper.client.close();
                    String lastEventId = hopper.keep();
                    // Reconnect only once more events went by, so the resume has something to replay and live events keep coming.
                    await().atMost(Duration.ofSeconds(10)).until(() -> published.size() >= seen + 50 || done.isDone());
                    hopper.client = connect("topics=books&lastEventId=" + lastEventId);
                }
            }
            done.get(30, TimeUnit.SECONDS);
            String last = published.get(published.size() - 1);
            for (Hopper hopper : hoppers) {
                await().atMost(Duration.ofSeconds(20)).until(() -> hopper.received().contains(last));
                hopper.client.close();
                // Every hopper first connected before the first event: it must hold each one, once, in order.
                assertThat(hopper.received()).as("ids a reconnecting client received").containsExactlyElementsOf(published);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> steady.eventIds().contains(last));
            assertThat(steady.eventIds()).containsExactlyElementsOf(published);
        } finally {
            publishing.shutdownNow();
        }
        assertThat(prometheus()).contains("bookhub_gateway_resumes_total{", "outcome=\"replay\"",
                "bookhub_gateway_replayed_events_total", "bookhub_gateway_deliveries_total{", "type=\"book:updated\"",
                "bookhub_gateway_delivery_lag_seconds_bucket", "bookhub_gateway_connections");
    }

    private void publishAtRate() {
        long interval = TimeUnit.SECONDS.toNanos(1) / (RATE_PER_SECOND / 10);
        long next = System.nanoTime();
        try (StreamPublisher publisher = publisher()) {
            for (int i = 0; i < EVENTS; i += 10) {
                for (int j = i; j < i + 10; j++) {
                    published.add(publisher.book(j));
                }
                next += interval;
                LockSupport.parkNanos(next - System.nanoTime()); // pacing the load, not waiting for a condition
            }
        }
    }

    private String prometheus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A client that keeps disconnecting and resuming; {@code ids} is everything it received over all its connections. */
    private static final class Hopper {
        private final List<String> ids = new ArrayList<>();
        private WsClient client;

        Hopper(WsClient client) {
            this.client = client;
        }

        /**
         * Keeps what the closed connection received and returns the id to resume after. One snapshot
         * for both: a frame being delivered while the client closes must be either kept and resumed
         * after, or neither.
         */
        String keep() {
            List<String> received = client.eventIds();
            ids.addAll(received);
            return ids.isEmpty() ? client.welcome().path("lastEventId").asString() : ids.get(ids.size() - 1);
        }

        List<String> received() {
            List<String> all = new ArrayList<>(ids);
            all.addAll(client.eventIds());
            return all;
        }
    }
}
