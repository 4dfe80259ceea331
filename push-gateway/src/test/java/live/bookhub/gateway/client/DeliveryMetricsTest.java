package live.bookhub.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;
import org.junit.jupiter.api.Test;

/** The loop's tally reaches the registry once the task that delivered is done: every delivery counted, one lag per event. */
class DeliveryMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeliveryMetrics metrics = new DeliveryMetrics(meters);
    /** Its loop runs the tally's publication when the test says so, as a real loop does after the current task. */
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @Test
    void everyDeliveryIsCountedByTypeOnceTheLoopsTaskIsDone() {
        Event first = event(1, "book:updated");
        Event second = event(2, "book:created");
        for (int client = 0; client < 3; client++) {
            metrics.delivered(first, channel.eventLoop());
        }
        metrics.delivered(second, channel.eventLoop());
        metrics.delivered(first, channel.eventLoop()); // a filter's group after the topic's subscribers

        channel.runPendingTasks();

        assertThat(deliveries("book:updated")).isEqualTo(4);
        assertThat(deliveries("book:created")).isEqualTo(1);
        assertThat(meters.get("bookhub.gateway.delivery.lag").timer().count()).as("one lag per event").isEqualTo(2);
    }

    @Test
    void theNextTasksDeliveriesAreAddedToTheCount() {
        Event event = event(1, "book:updated");
        metrics.delivered(event, channel.eventLoop());
        channel.runPendingTasks();
        Event later = event(2, "book:updated");
        metrics.delivered(later, channel.eventLoop());
        metrics.delivered(later, channel.eventLoop());
        channel.runPendingTasks();

        assertThat(deliveries("book:updated")).isEqualTo(3);
    }

    @Test
    void clientsReplayingTheSamePageInTurnAreEachCounted() {
        Event[] page = {event(1, "book:updated"), event(2, "book:created"), event(3, "book:updated")};
        for (int client = 0; client < 2; client++) {
            for (Event event : page) {
                metrics.delivered(event, channel.eventLoop());
            }
        }
        metrics.delivered(page[2], channel.eventLoop()); // a third client, resuming from the page's last event

        channel.runPendingTasks();

        assertThat(deliveries("book:updated")).isEqualTo(5);
        assertThat(deliveries("book:created")).isEqualTo(2);
        assertThat(meters.get("bookhub.gateway.delivery.lag").timer().count()).as("one lag per event").isEqualTo(3);
    }

    private double deliveries(String type) {
        return meters.get("bookhub.gateway.deliveries").tag("type", type).counter().count();
    }

    private static Event event(long n, String type) {
        return new Event(new StreamPosition("e1", new StreamId(n, 0)), "books", type, System.currentTimeMillis(),
                Unpooled.EMPTY_BUFFER, null);
    }
}
