package live.bookhub.watcher.stream;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.watcher.envelope.EnvelopeMapper;
import live.bookhub.watcher.leader.LeadershipListener;
import live.bookhub.watcher.publish.RedisEventAppender;
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
    private final List<Thread> threads = new ArrayList<>();

    Watchers(MongoClient mongo, EnvelopeMapper envelopes, RedisEventAppender appender, ResumeTokenStore checkpoints,
             WatcherProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.envelopes = envelopes;
        this.appender = appender;
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public synchronized void leading(long epoch) {
        if (!threads.isEmpty()) {
            return;
        }
        MongoDatabase database = mongo.getDatabase(properties.database());
        for (String collection : properties.collections()) {
            Thread thread = new Thread(new ChangeStreamTailer(collection, database.getCollection(collection), envelopes,
                    appender, checkpoints, properties, meters), "watch-" + collection);
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
    }
}
