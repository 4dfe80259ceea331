package live.bookhub.watcher.stream;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import live.bookhub.watcher.publish.RedisEventAppender;
import live.bookhub.watcher.system.WatcherProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs one {@link ChangeStreamTailer} per watched collection, each on its own named thread. */
@Component
class Watchers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Watchers.class);

    private final MongoClient mongo;
    private final RedisEventAppender appender;
    private final ResumeTokenStore checkpoints;
    private final WatcherProperties properties;
    private final List<Thread> threads = new ArrayList<>();

    Watchers(MongoClient mongo, RedisEventAppender appender, ResumeTokenStore checkpoints, WatcherProperties properties) {
        this.mongo = mongo;
        this.appender = appender;
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        MongoDatabase database = mongo.getDatabase(properties.database());
        for (String collection : properties.collections()) {
            Thread thread = new Thread(new ChangeStreamTailer(collection, database.getCollection(collection), appender,
                    checkpoints, properties), "watch-" + collection);
            thread.start();
            threads.add(thread);
        }
        log.info("watching {}.{}", properties.database(), properties.collections());
    }

    @Override
    public synchronized void stop() {
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

    @Override
    public synchronized boolean isRunning() {
        return !threads.isEmpty();
    }
}
