package live.bookhub.watcher.headroom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the watcher measures its oplog headroom ({@code bookhub.watcher.oplog-headroom.*}); described in the README.
 *
 * @param interval how often the oplog's bounds and the stored positions are read again
 */
@ConfigurationProperties("bookhub.watcher.oplog-headroom")
public record HeadroomProperties(@DefaultValue("15s") Duration interval) {

    public HeadroomProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("bookhub.watcher.oplog-headroom.interval must be positive, not " + interval);
        }
    }
}
