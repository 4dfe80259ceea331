package live.bookhub.watcher.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.client.model.changestream.OperationType;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.Envelope;
import live.bookhub.watcher.envelope.EnvelopeMapper;
import live.bookhub.watcher.envelope.ResetEnvelopes;
import live.bookhub.watcher.envelope.ResetEnvelopes.Reason;
import live.bookhub.watcher.envelope.ResumeTokens;
import live.bookhub.watcher.publish.RedisEventAppender;
import live.bookhub.watcher.system.FatalExit;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming loop for one collection: reads its change stream, appends the changes to Redis a
 * batch at a time, checkpoints the position now and then. Any failure (Redis or MongoDB away) closes
 * the stream, waits with backoff and reopens it after the last change appended, so nothing is lost or
 * appended twice. When that position is gone from the oplog, it sends one {@code sync:reset} and goes
 * on from now; when the collection is dropped or renamed, it goes on after the invalidation.
 */
final class ChangeStreamTailer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamTailer.class);

    private final String collectionName;
    private final MongoCollection<Document> collection;
    private final EnvelopeMapper envelopes;
    private final RedisEventAppender appender;
    private final ResumeTokenStore checkpoints;
    private final WatcherProperties properties;
    private final MeterRegistry meters;
    private final FatalExit fatalExit;
    private final AppendAhead appends;
    private final DistributionSummary appendChanges;
    /*
     * The position and checkpoint fields below are also written by the append thread, after its append
     * succeeded; this thread reads or writes them only once it collected that append (AppendAhead).
     */
    /** The token after which the stream (re)opens: the last change appended, or a stored position. */
    private String position;
    private boolean positioned;
    /** Set when the stream cannot resume at {@link #position}: a reset is due before anything else. */
    private StreamFailure lost;
    private String checkpointed;
    private long lastCheckpointNanos;
    private int changesSinceCheckpoint;
    private Duration pause;
    /** Whether the change stream is open now; readiness reads it from its own thread. */
    private volatile boolean open;

    ChangeStreamTailer(String collectionName, MongoCollection<Document> collection, EnvelopeMapper envelopes,
                       RedisEventAppender appender, ResumeTokenStore checkpoints, WatcherProperties properties,
                       MeterRegistry meters, FatalExit fatalExit) {
        this.collectionName = collectionName;
        this.collection = collection;
        this.envelopes = envelopes;
        this.appender = appender;
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.meters = meters;
        this.fatalExit = fatalExit;
        this.appends = new AppendAhead(collectionName);
        this.appendChanges = DistributionSummary.builder("bookhub.watcher.append.changes")
                .description("Changes appended to Redis in one script call (one batch)")
                .tag("collection", collectionName)
                .register(meters);
    }

    @Override
    public void run() {
        pause = properties.retryMin();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    if (lost != null) {
                        restartFromNow();
                    } else if (!positioned) {
                        position = startPosition().orElse(null);
                        positioned = true;
                    }
                    tail();
                } catch (RuntimeException e) {
                    if (!recover(e)) {
                        break;
                    }
                }
            }
        } finally {
            appends.close();
        }
        log.atInfo().addKeyValue("collection", collectionName).addKeyValue("resumeToken", position)
                .log("stopped watching {} at {}", collectionName, position == null ? "its start" : position);
    }

    /**
     * After the stored checkpoint, or the last token appended to Redis ({@link ResumeTokens#startAfter});
     * without either, from now.
     */
    private Optional<String> startPosition() {
        Optional<String> checkpoint = checkpoints.load(collectionName);
        Optional<String> appended = appender.lastAppendedToken(collectionName);
        Optional<String> newer = ResumeTokens.startAfter(checkpoint, appended);
        if (newer.isEmpty()) {
            log.info("watching {} from now: no checkpoint and nothing appended yet", collectionName);
        } else {
            log.atInfo().addKeyValue("collection", collectionName).addKeyValue("resumeToken", newer.get())
                    .log("watching {} after {} (checkpoint {}, last appended {})", collectionName, newer.get(),
                    checkpoint.orElse("none"), appended.orElse("none"));
        }
        return newer;
    }

    private void tail() {
        // Raw BSON: a value the driver cannot decode (a malformed vector, say) fails that one envelope's
        // mapping, which sends its id only, instead of every read of the stream at that change.
        var stream = collection.withDocumentClass(RawBsonDocument.class).watch()
                .fullDocument(FullDocument.UPDATE_LOOKUP)
                .fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE)
                .maxAwaitTime(properties.maxAwaitTime().toMillis(), TimeUnit.MILLISECONDS)
                .batchSize(properties.batchSize());
        if (position != null) {
            // startAfter, unlike resumeAfter, also accepts the token of an invalidate (after a drop or rename).
            stream = stream.startAfter(ResumeTokens.document(position));
        }
        // The events as the server sent them, each read in one pass (ChangeEventReader) instead of by the
        // driver's codec; the driver's cursor of a change stream is a change stream cursor whatever its class.
        try (var cursor = (MongoChangeStreamCursor<RawBsonDocument>) stream.withDocumentClass(RawBsonDocument.class).cursor()) {
            open = true; // the server has fixed where the stream starts: every later write is seen
            while (!Thread.currentThread().isInterrupted()) {
                RawBsonDocument event = cursor.tryNext();
                if (event == null) {
                    appends.collect(); // the post-batch position is past the changes in flight
                    pause = properties.retryMin();
                    checkpointIdle(cursor.getResumeToken());
                    continue;
                }
                if (!appendBatch(event, cursor)) {
                    return;
                }
            }
        } finally {
            open = false;
            appends.settle();
        }
    }

    /**
     * Starts appending {@code first} and the changes the cursor already holds after it (up to
     * {@code batch-size} changes and {@code batch-bytes} of documents) in one Redis step, on the append thread while the next batch is read
     * ({@link AppendAhead}); once it succeeded, checkpoints when {@code checkpoint-changes} changes or
     * {@code checkpoint-interval} have passed since the last checkpoint: the last token appended in
     * Redis makes re-reading the changes after the checkpoint harmless.
     *
     * @return false when the stream was invalidated (dropped or renamed): reopen it after the invalidation
     */
    private boolean appendBatch(RawBsonDocument first, MongoChangeStreamCursor<RawBsonDocument> cursor) {
        List<Envelope> batch = new ArrayList<>();
        String last = null;
        int changes = 0;
        long bytes = 0;
        for (RawBsonDocument event = first; event != null;
             event = changes < properties.batchSize() && bytes < properties.batchBytes().toBytes() && cursor.available() > 0
                     ? cursor.tryNext() : null) {
            ChangeStreamDocument<RawBsonDocument> change = ChangeEventReader.read(event);
            String token = ResumeTokens.of(change.getResumeToken());
            if (change.getOperationType() == OperationType.INVALIDATE) {
                append(batch, last, changes);
                appends.collect();
                position = token;
                checkpoint(token);
                log.info("change stream of {} invalidated (the collection was dropped or renamed): watching it again after {}",
                        collectionName, token);
                return false;
            }
            envelopes.toEnvelopes(collectionName, change).forEach(batch::add);
            last = token;
            changes++;
            bytes += bytesOf(change.getFullDocument()) + bytesOf(change.getFullDocumentBeforeChange());
        }
        append(batch, last, changes);
        return true;
    }

    private static long bytesOf(RawBsonDocument document) {
        return document == null ? 0 : document.getByteBuffer().remaining();
    }

    /** After {@code changes} changes read up to {@code last}, whose envelopes are {@code batch}: starts appending them. */
    private void append(List<Envelope> batch, String last, int changes) {
        if (changes > 0) {
            appendChanges.record(changes);
            appends.start(() -> {
                appender.appendAll(collectionName, batch);
                appended(last, changes);
            });
        }
    }

    /** Once the append of {@code changes} changes up to {@code last} succeeded, on the append thread. */
    private void appended(String last, int changes) {
        pause = properties.retryMin();
        position = last;
        changesSinceCheckpoint += changes;
        if (changesSinceCheckpoint >= properties.checkpointChanges()
                || System.nanoTime() - lastCheckpointNanos >= properties.checkpointInterval().toNanos()) {
            checkpoint(position);
        }
    }

    String collectionName() {
        return collectionName;
    }

    boolean isOpen() {
        return open;
    }

    /** @return whether to go on */
    private boolean recover(RuntimeException e) {
        StreamFailure failure = StreamFailure.of(e);
        if (failure == StreamFailure.INTERRUPTED) {
            Thread.currentThread().interrupt();
            return false;
        }
        meters.counter("bookhub.watcher.errors", "cause", failure.wireName()).increment();
        if (failure == StreamFailure.FATAL) {
            fatalExit.exitIfFatal(e);
            return false;
        }
        if (failure.resetReason() != null && lost == null) {
            lost = failure;
            return true;
        }
        if (failure == StreamFailure.NOT_LEADER) {
            positioned = false; // another term may have appended meanwhile: read the start position again
        }
        log.atWarn().addKeyValue("collection", collectionName).addKeyValue("resumeToken", position)
                .log("change stream of {} failed, retrying after {} ms from {}: {}", collectionName, pause.toMillis(),
                position, e.toString());
        if (!sleep(pause)) {
            return false;
        }
        Duration doubled = pause.multipliedBy(2);
        pause = doubled.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : doubled;
        return true;
    }

    /**
     * The stream cannot resume where it was: appends one {@code sync:reset} saying so, then goes on from
     * now. Changes in between are not sent; clients refetch when they get the reset, so they see them.
     */
    private void restartFromNow() {
        Reason reason = lost.resetReason();
        String resumed = ResumeTokens.now(collection.watch()
                .maxAwaitTime(properties.maxAwaitTime().toMillis(), TimeUnit.MILLISECONDS));
        // What was lost comes after the last change appended; the start position may be an older checkpoint.
        String lostAfter = String.valueOf(ResumeTokens.newer(Optional.ofNullable(position),
                appender.lastAppendedToken(collectionName).map(ResumeTokens::changeOf)).orElse(null));
        appender.appendReset(collectionName, ResetEnvelopes.historyLost(collectionName, reason,
                lostAfter, resumed, Instant.now()));
        meters.counter("bookhub.watcher.resets", "collection", collectionName, "reason", reason.wireName()).increment();
        log.atWarn().addKeyValue("collection", collectionName).addKeyValue("resumeToken", resumed).addKeyValue("lostResumeToken", lostAfter)
                .log("change stream of {} cannot resume after {} ({}): sent sync:reset and resumed from now, after {}",
                collectionName, lostAfter, reason.wireName(), resumed);
        position = resumed;
        positioned = true;
        lost = null;
        checkpoint(resumed);
    }

    /** An idle stream still moves its post-batch position forward; storing it now and then keeps the
     * checkpoint inside the oplog's window. */
    private void checkpointIdle(BsonDocument postBatchToken) {
        if (postBatchToken == null || System.nanoTime() - lastCheckpointNanos < properties.checkpointInterval().toNanos()) {
            return;
        }
        checkpoint(ResumeTokens.of(postBatchToken));
    }

    private void checkpoint(String token) {
        if (token.equals(checkpointed)) {
            return;
        }
        checkpoints.save(collectionName, token);
        checkpointed = token;
        lastCheckpointNanos = System.nanoTime();
        changesSinceCheckpoint = 0;
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
