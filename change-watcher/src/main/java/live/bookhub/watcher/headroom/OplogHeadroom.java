package live.bookhub.watcher.headroom;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.watcher.headroom.OplogWindow.Headroom;
import live.bookhub.watcher.stream.ResumeTokenStore;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.BsonTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * How far each watched collection's stored resume position (its checkpoint: where a restarted or a new
 * leader resumes at the latest) is from the oldest entry the oplog still holds, as the gauges
 * {@code bookhub_watcher_oplog_headroom_seconds} and {@code bookhub_watcher_oplog_headroom_ratio}.
 * Every replica measures it, standbys too, so the warning comes also while no leader runs. Measured on
 * a thread of its own every {@code interval}, so that a scrape never waits for MongoDB; NaN while the
 * oplog or the position cannot be read.
 */
@Component
class OplogHeadroom implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OplogHeadroom.class);

    private final OplogBounds bounds;
    private final ResumeTokenStore checkpoints;
    private final WatcherProperties watcher;
    private final HeadroomProperties properties;
    private final Map<String, Headroom> latest = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private ScheduledExecutorService loop;

    OplogHeadroom(OplogBounds bounds, ResumeTokenStore checkpoints, WatcherProperties watcher, HeadroomProperties properties,
                  MeterRegistry meters) {
        this.bounds = bounds;
        this.checkpoints = checkpoints;
        this.watcher = watcher;
        this.properties = properties;
        for (String collection : watcher.collections()) {
            latest.put(collection, Headroom.UNKNOWN);
            Gauge.builder("bookhub.watcher.oplog.headroom", () -> latest.get(collection).seconds())
                    .description("Seconds of oplog between its oldest entry and the stored resume position (0: fallen off)")
                    .tag("collection", collection).baseUnit("seconds").register(meters);
            Gauge.builder("bookhub.watcher.oplog.headroom.ratio", () -> latest.get(collection).ratio())
                    .description("The stored resume position's distance from the oplog's oldest entry, as a fraction of the oplog window")
                    .tag("collection", collection).register(meters);
        }
    }

    /** Reads the oplog's bounds once, then each collection's checkpoint against them. */
    void measure() {
        try {
            Optional<OplogWindow> window = bounds.read();
            for (String collection : watcher.collections()) {
                Optional<BsonTimestamp> position = checkpoints.load(collection).flatMap(ResumeTokenTime::of);
                latest.put(collection, window.isPresent() && position.isPresent()
                        ? window.get().headroomOf(position.get()) : Headroom.UNKNOWN);
            }
            if (failing) {
                log.info("oplog headroom measured again");
                failing = false;
            }
        } catch (RuntimeException e) {
            watcher.collections().forEach(collection -> latest.put(collection, Headroom.UNKNOWN));
            if (!failing) {
                log.warn("cannot measure the oplog headroom, retrying every {}: {}", properties.interval(), e.toString());
                failing = true;
            }
        }
    }

    @Override
    public synchronized void start() {
        loop = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "oplog-headroom"));
        long every = properties.interval().toMillis();
        loop.scheduleWithFixedDelay(this::measure, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.shutdownNow();
            loop = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }
}
