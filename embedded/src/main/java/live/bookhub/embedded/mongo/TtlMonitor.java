package live.bookhub.embedded.mongo;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import live.bookhub.embedded.mongo.TtlIndexes.TtlIndex;

/**
 * MongoDB's TTL monitor: every interval (MongoDB's {@code ttlMonitorSleepSecs}, 60 s) it deletes, for each
 * TTL index, the documents whose date there is older than the index's {@code expireAfterSeconds}. It
 * deletes through the collection's own delete, as a client's delete command does, so each removal is an
 * oplog entry that change streams show as a {@code delete}.
 */
final class TtlMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TtlMonitor.class);

    private final OplogH2Backend backend;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mongo-ttl-monitor");
        thread.setDaemon(true);
        return thread;
    });

    private TtlMonitor(OplogH2Backend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    static TtlMonitor start(OplogH2Backend backend, Clock clock, Duration interval) {
        TtlMonitor monitor = new TtlMonitor(backend, clock);
        long millis = interval.toMillis();
        monitor.executor.scheduleWithFixedDelay(monitor::pass, millis, millis, TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** One pass over every TTL index; an index that fails (its collection dropped meanwhile) waits for the next. */
    private void pass() {
        for (OplogH2Database database : backend.databases()) {
            for (TtlIndex index : database.ttlIndexes().all()) {
                try {
                    expire(database, index);
                } catch (RuntimeException e) {
                    log.warn("TTL monitor could not expire documents of {} by index {}: {}", index.namespace(),
                            index.name(), e.toString());
                }
            }
        }
    }

    private void expire(OplogH2Database database, TtlIndex index) {
        String collectionName = index.namespace().substring(database.getDatabaseName().length() + 1);
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection == null) {
            return;
        }
        int deleted = collection.deleteDocuments(index.expiredAt(clock.instant()), 0, backend.boundedOplog());
        if (deleted > 0) {
            log.info("TTL monitor deleted {} documents from {} by index {} (expireAfterSeconds {})", deleted,
                    index.namespace(), index.name(), index.expireAfterSeconds());
        }
    }

    /** Stops the passes, waiting for one under way: the store closes after this. */
    @Override
    public void close() {
        // not shutdownNow: an interrupt in the middle of a write closes the MVStore's file channel
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("TTL monitor still running after 10 s; closing the store anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
