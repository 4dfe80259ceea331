package live.bookhub.watcher.stream;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import live.bookhub.watcher.envelope.ChangeEnvelopes;
import live.bookhub.watcher.publish.RedisEventAppender;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming loop for one collection: reads its change stream, appends each change to Redis,
 * checkpoints the position. Any failure (Redis or MongoDB away) closes the stream, waits with
 * backoff and reopens it after the last change appended, so nothing is lost or appended twice.
 */
final class ChangeStreamTailer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamTailer.class);

    private final String collectionName;
    private final MongoCollection<Document> collection;
    private final RedisEventAppender appender;
    private final ResumeTokenStore checkpoints;
    private final WatcherProperties properties;
    /** The token after which the stream (re)opens: the last change appended, or a stored position. */
    private String position;
    private boolean positioned;
    private String checkpointed;
    private long lastCheckpointNanos;
    private Duration pause;

    ChangeStreamTailer(String collectionName, MongoCollection<Document> collection, RedisEventAppender appender,
                       ResumeTokenStore checkpoints, WatcherProperties properties) {
        this.collectionName = collectionName;
        this.collection = collection;
        this.appender = appender;
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @Override
    public void run() {
        pause = properties.retryMin();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (!positioned) {
                    position = startPosition().orElse(null);
                    positioned = true;
                }
                tail();
            } catch (MongoInterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                log.warn("change stream of {} failed, retrying after {} ms from {}: {}", collectionName,
                        pause.toMillis(), position, e.toString());
                if (!sleep(pause)) {
                    break;
                }
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : doubled;
            }
        }
        log.info("stopped watching {} at {}", collectionName, position);
    }

    /**
     * Debezium's order: the newer of the stored checkpoint and the last token appended to Redis (a
     * crash can fall between the append and the checkpoint); without either, from now.
     */
    private Optional<String> startPosition() {
        Optional<String> checkpoint = checkpoints.load(collectionName);
        Optional<String> appended = appender.lastAppendedToken(collectionName);
        Optional<String> newer = ResumeTokens.newer(checkpoint, appended);
        if (newer.isEmpty()) {
            log.info("watching {} from now: no checkpoint and nothing appended yet", collectionName);
        } else {
            log.info("watching {} after {} (checkpoint {}, last appended {})", collectionName, newer.get(),
                    checkpoint.orElse("none"), appended.orElse("none"));
        }
        return newer;
    }

    private void tail() {
        var stream = collection.watch()
                .fullDocument(FullDocument.UPDATE_LOOKUP)
                .maxAwaitTime(properties.maxAwaitTime().toMillis(), TimeUnit.MILLISECONDS)
                .batchSize(properties.batchSize());
        if (position != null) {
            stream = stream.resumeAfter(new BsonDocument("_data", new BsonString(position)));
        }
        try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = stream.cursor()) {
            pause = properties.retryMin();
            while (!Thread.currentThread().isInterrupted()) {
                ChangeStreamDocument<Document> change = cursor.tryNext();
                if (change == null) {
                    checkpointIdle(cursor.getResumeToken());
                    continue;
                }
                ChangeEnvelopes.toEnvelope(collectionName, change)
                        .ifPresent(envelope -> appender.append(collectionName, envelope));
                position = ChangeEnvelopes.tokenOf(change.getResumeToken());
                if (cursor.available() == 0) {
                    checkpoint(position);
                }
            }
        }
    }

    /** An idle stream still moves its post-batch position forward; storing it now and then keeps the
     * checkpoint inside the oplog's window. */
    private void checkpointIdle(BsonDocument postBatchToken) {
        if (postBatchToken == null || System.nanoTime() - lastCheckpointNanos < properties.checkpointInterval().toNanos()) {
            return;
        }
        checkpoint(ChangeEnvelopes.tokenOf(postBatchToken));
    }

    private void checkpoint(String token) {
        if (token.equals(checkpointed)) {
            return;
        }
        checkpoints.save(collectionName, token);
        checkpointed = token;
        lastCheckpointNanos = System.nanoTime();
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis()); // backoff between retries, not a wait for a condition
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
