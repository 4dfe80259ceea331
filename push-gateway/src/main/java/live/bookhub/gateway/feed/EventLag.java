package live.bookhub.gateway.feed;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How old an event is when the gateway acts on it: from its {@code ts} (the change in MongoDB) to now,
 * as a histogram from 1 ms to 30 s. Events without a {@code ts} are not counted.
 */
public final class EventLag {

    private final Timer timer;

    public EventLag(MeterRegistry meters, String name, String description) {
        this.timer = Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    public void record(Event event, long nowMillis) {
        if (event.tsMillis() > 0) {
            timer.record(Math.max(0, nowMillis - event.tsMillis()), TimeUnit.MILLISECONDS);
        }
    }
}
