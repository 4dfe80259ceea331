package live.bookhub.watcher.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.watcher.envelope.EnvelopeMapper;
import live.bookhub.watcher.envelope.ChangeEnvelopes;
import live.bookhub.watcher.leader.LeadershipListener;
import live.bookhub.watcher.publish.RedisEventAppender;
import live.bookhub.watcher.system.FatalExit;
import live.bookhub.watcher.system.WatcherProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one {@link ChangeStreamTailer} per watched collection, each on its own named thread, while this
 * replica leads: they start when it wins a term and stop when it loses it.
 */
@Component
class Watchers implements LeadershipListener {

    private static final Logger log = LoggerFactory.getLogger(Watchers.class);

    private final MongoClient mongo;
    private final EnvelopeMapper envelopes;
    private final RedisEventAppender appender;
    private final ResumeTokenStore checkpoints;
    private final WatcherProperties properties;
    private final MeterRegistry meters;
    private final FatalExit fatalExit;
    private final List<Thread> threads = new ArrayList<>();
    private final List<ChangeStreamTailer> tailers = new CopyOnWriteArrayList<>();

    /** @throws IllegalStateException at start, when a watched collection's changes map to no event */
    Watchers(MongoClient mongo, EnvelopeMapper envelopes, RedisEventAppender appender, ResumeTokenStore checkpoints,
             WatcherProperties properties, MeterRegistry meters, FatalExit fatalExit) {
        try {
            properties.collections().forEach(ChangeEnvelopes::requireWatchable);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("bookhub.watcher.collections: " + e.getMessage());
        }
        this.mongo = mongo;
        this.envelopes = envelopes;
        this.appender = appender;
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.meters = meters;
        this.fatalExit = fatalExit;
    }

    @Override
    public synchronized void leading(long epoch) {
        if (!threads.isEmpty()) {
            return;
        }
        MongoDatabase database = mongo.getDatabase(properties.database());
        for (String collection : properties.collections()) {
            ChangeStreamTailer tailer = new ChangeStreamTailer(collection, database.getCollection(collection), envelopes,
                    appender, checkpoints, properties, meters, fatalExit);
            tailers.add(tailer);
            Thread thread = new Thread(tailer, "watch-" + collection);
            thread.start();
            threads.add(thread);
        }
        log.info("epoch {}: watching {}.{}", epoch, properties.database(), properties.collections());
    }

    @Override
    public synchronized void standingBy() {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(properties.maxAwaitTime().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        tailers.clear();
    }

    /** Each watched collection's change stream and whether it is open; empty while this replica stands by. */
    Map<String, Boolean> openStreams() {
        Map<String, Boolean> open = new TreeMap<>();
        tailers.forEach(tailer -> open.put(tailer.collectionName(), tailer.isOpen()));
        return open;
    }
}
