package live.bookhub.watcher.stream;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.watcher.envelope.ResetEnvelopes.Reason;
import live.bookhub.watcher.system.WatcherProperties;
import org.springframework.stereotype.Component;

/**
 * Registers at start, at zero, the reset counter of each watched collection and reason, which the
 * streaming loop otherwise creates with its first reset: a series that appears at 1 has no earlier
 * sample, so the reset alert's {@code increase()} would miss the very reset it is about.
 */
@Component
class CountersAtZero {

    CountersAtZero(WatcherProperties properties, MeterRegistry meters) {
        for (String collection : properties.collections()) {
            for (Reason reason : List.of(Reason.HISTORY_LOST, Reason.UNKNOWN_POSITION)) {
                meters.counter("bookhub.watcher.resets", "collection", collection, "reason", reason.wireName());
            }
        }
    }
}
