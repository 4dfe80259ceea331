package live.bookhub.gateway.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.feed.EventLag;
import org.springframework.stereotype.Component;

/**
 * Counts every event handed to a client, by type, and how old it was then: the time from the
 * change ({@code ts}) to its send, the end-to-end lag a user sees.
 *
 * <p>A delivery only adds one to its loop's tally; the tally goes to the registry once the loop's
 * task is done (the fan-out of a batch, a replay page), one count and one lag per event: recording the
 * lag per delivery cost 150 ns from one loop and 680 ns from two at once, fighting over the
 * histogram's buckets.
 */
@Component
class DeliveryMetrics {

    /** Types come from Redis; past this many distinct ones they are counted as "other" so a bad writer cannot grow the registry. */
    private static final int MAX_TYPES = 32;

    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, Counter> byType = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EventLoop, Tally> tallies = new ConcurrentHashMap<>();
    private final Counter other;
    private final EventLag lag;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.other = counter("other");
        this.lag = new EventLag(meters, "bookhub.gateway.delivery.lag",
                "Time from an event's ts to the gateway having written it to its clients' connections, once per event and event loop");
    }

    /** The event was written to a client's connection; called on that client's loop. */
    void delivered(Event event, EventLoop loop) {
        Tally tally = tallies.get(loop);
        if (tally == null) {
            tally = tallies.computeIfAbsent(loop, Tally::new);
        }
        tally.add(event);
    }

    private void publish(Event event, int deliveries, long nowMillis) {
        Counter counter = byType.get(event.type());
        if (counter == null) {
            counter = byType.size() < MAX_TYPES ? byType.computeIfAbsent(event.type(), this::counter) : other;
        }
        counter.increment(deliveries);
        lag.record(event, nowMillis);
    }

    private Counter counter(String type) {
        return Counter.builder("bookhub.gateway.deliveries")
                .description("Events handed to clients, one per client reached")
                .tag("type", type)
                .register(meters);
    }

    /** One loop's deliveries since its current task began, by event in the order they came; used only on that loop. */
    private final class Tally {

        private final EventLoop loop;
        private final List<Event> events = new ArrayList<>();
        private int[] counts = new int[8];
        private int last = -1;

        Tally(EventLoop loop) {
            this.loop = loop;
        }

        void add(Event event) {
            // a replay page's run goes on from the event last counted; otherwise the same event as the last
            // delivery's, mostly; in a batch of several, a filter's group comes back to one
            int next = last + 1;
            if (next < events.size() && events.get(next) == event) {
                counts[next]++;
                last = next;
                return;
            }
            for (int i = events.size() - 1; i >= 0; i--) {
                if (events.get(i) == event) {
                    counts[i]++;
                    last = i;
                    return;
                }
            }
            if (events.isEmpty()) {
                loop.execute(this::publish); // runs once the task that delivers is done
            }
            if (events.size() == counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            counts[events.size()] = 1;
            last = events.size();
            events.add(event);
        }

        private void publish() {
            long now = System.currentTimeMillis();
            for (int i = 0; i < events.size(); i++) {
                DeliveryMetrics.this.publish(events.get(i), counts[i], now);
            }
            events.clear();
            last = -1;
        }
    }
}
