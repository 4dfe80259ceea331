package live.bookhub.watcher.support;

import java.time.Duration;
import java.util.List;

import live.bookhub.watcher.system.WatcherProperties;
import org.springframework.util.unit.DataSize;

/** Watcher settings for tests that build one component without Spring: the defaults, with a given lease. */
public final class Settings {

    private Settings() {
    }

    public static WatcherProperties withLease(Duration ttl, Duration renewInterval) {
        return settings(ttl, renewInterval, 100_000);
    }

    /** The defaults, with a Redis stream that keeps {@code streamMaxLength} entries. */
    public static WatcherProperties withStreamMaxLength(long streamMaxLength) {
        return settings(Duration.ofSeconds(6), Duration.ofSeconds(2), streamMaxLength);
    }

    private static WatcherProperties settings(Duration ttl, Duration renewInterval, long streamMaxLength) {
        return new WatcherProperties("bookhub", List.of("books", "orders"), streamMaxLength, Duration.ofSeconds(1), 500,
                DataSize.ofMegabytes(8), Duration.ofSeconds(10), 10_000, Duration.ofMillis(100), Duration.ofSeconds(5),
                DataSize.parse(WatcherProperties.DEFAULT_MAX_DATA_SIZE), ttl, renewInterval, "test", Duration.ofSeconds(5));
    }

    public static WatcherProperties defaults() {
        return withLease(Duration.ofSeconds(6), Duration.ofSeconds(2));
    }
}
