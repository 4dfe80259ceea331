package live.bookhub.gateway.client;

import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.feed.EventLag;
import org.springframework.stereotype.Component;

/**
 * Counts every event handed to a client, by type, and how old it was then: the time from the
 * change ({@code ts}) to its send, the end-to-end lag a user sees.
 */
@Component
class DeliveryMetrics {

    /** Types come from Redis; past this many distinct ones they are counted as "other" so a bad writer cannot grow the registry. */
    private static final int MAX_TYPES = 32;

    private final MeterRegistry meters;
    private final ConcurrentHashMap<String, Counter> byType = new ConcurrentHashMap<>();
    private final Counter other;
    private final EventLag lag;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.other = counter("other");
        this.lag = new EventLag(meters, "bookhub.gateway.delivery.lag",
                "Time from an event's ts to the gateway writing it to a client's connection");
    }

    void delivered(Event event, long nowMillis) {
        Counter counter = byType.get(event.type());
        if (counter == null) {
            counter = byType.size() < MAX_TYPES ? byType.computeIfAbsent(event.type(), this::counter) : other;
        }
        counter.increment();
        lag.record(event, nowMillis);
    }

    private Counter counter(String type) {
        return Counter.builder("bookhub.gateway.deliveries")
                .description("Events handed to clients, one per client reached")
                .tag("type", type)
                .register(meters);
    }
}
