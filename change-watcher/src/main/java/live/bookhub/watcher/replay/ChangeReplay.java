package live.bookhub.watcher.replay;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;
import com.mongodb.client.model.changestream.OperationType;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.watcher.envelope.ResumeTokens;
import live.bookhub.watcher.envelope.ChangeEnvelopes;
import live.bookhub.watcher.envelope.EnvelopeMapper;
import live.bookhub.watcher.replay.ReplayException.Reason;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.BsonDocument;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Replays the envelopes after a resume token from MongoDB's change stream itself, so it reaches back
 * as far as the oplog does, past the Redis stream's history. It opens its own database-wide stream
 * (one order across the watched collections) and writes nothing but its output: the live pipeline
 * never notices it.
 */
@Component
public class ChangeReplay {

    /** MongoDB's answers to a resume token it cannot parse: BadValue, FailedToParse. */
    private static final List<Integer> MALFORMED_CODES = List.of(2, 9);

    private final MongoDatabase database;
    private final List<String> collections;
    private final EnvelopeMapper envelopes;
    private final Duration maxAwaitTime;

    @Autowired
    ChangeReplay(MongoClient mongo, WatcherProperties properties, EnvelopeMapper envelopes) {
        this(mongo.getDatabase(properties.database()), properties.collections(), envelopes, properties.maxAwaitTime());
    }

    public ChangeReplay(MongoDatabase database, List<String> collections, EnvelopeMapper envelopes, Duration maxAwaitTime) {
        this.database = database;
        this.collections = List.copyOf(collections);
        this.envelopes = envelopes;
        this.maxAwaitTime = maxAwaitTime;
    }

    /**
     * Opens the change stream after the request's token, so that a token MongoDB refuses fails here,
     * before any output.
     *
     * @throws ReplayException when the token is malformed, from another deployment, or off the oplog
     */
    public Session open(ReplayRequest request) {
        try {
            MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = database.watch()
                    .fullDocument(FullDocument.UPDATE_LOOKUP)
                    .fullDocumentBeforeChange(FullDocumentBeforeChange.WHEN_AVAILABLE)
                    .startAfter(ResumeTokens.document(request.after()))
                    .maxAwaitTime(maxAwaitTime.toMillis(), TimeUnit.MILLISECONDS)
                    .cursor();
            // Without follow, the replay ends where the history stood when it began, busy or not.
            String end = request.follow() ? null : ResumeTokens.now(database.watch()
                    .maxAwaitTime(maxAwaitTime.toMillis(), TimeUnit.MILLISECONDS));
            return new Session(request, cursor, end);
        } catch (MongoServerException e) {
            throw refused(request.after(), e);
        }
    }

    private static RuntimeException refused(String token, MongoServerException e) {
        if (MALFORMED_CODES.contains(e.getCode())) {
            return new ReplayException(Reason.MALFORMED_TOKEN, "malformed token " + token + ": "
                    + (e instanceof MongoCommandException command ? command.getErrorMessage() : e.getMessage()));
        }
        if (e.getCode() == ResumeTokens.UNKNOWN_POSITION) {
            return new ReplayException(Reason.OTHER_DEPLOYMENT, "token " + token
                    + " is from another deployment: this MongoDB has no such position in its oplog");
        }
        if (e.getCode() == ResumeTokens.HISTORY_LOST) {
            return new ReplayException(Reason.HISTORY_LOST, "token " + token
                    + " has fallen off the oplog: the changes after it are gone; replay from a newer token");
        }
        return e;
    }

    /** One replay's cursor. */
    public final class Session implements AutoCloseable {

        private final ReplayRequest request;
        private final MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
        /** The position at which a replay without follow ends, or null when following. */
        private final String end;

        private Session(ReplayRequest request, MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor, String end) {
            this.request = request;
            this.cursor = cursor;
            this.end = end;
        }

        /**
         * Writes one envelope per line, in oplog order, flushing after each batch read; returns at
         * the end of the history (or of the request), or, following, when the end asked for is reached.
         *
         * @return how many envelopes it wrote
         */
        public long writeTo(Writer out) throws IOException {
            long written = 0;
            while (true) {
                ChangeStreamDocument<Document> change = next();
                if (change == null) {
                    out.flush();
                    if (request.isOver(Instant.now()) || end != null && isAtOrAfterEnd(cursor.getResumeToken())) {
                        return written;
                    }
                    continue;
                }
                if (change.getOperationType() == OperationType.INVALIDATE) {
                    return written; // the database was dropped: this stream has ended
                }
                String token = ResumeTokens.of(change.getResumeToken());
                if (!request.includes(token, ChangeEnvelopes.timeOf(change)) || end != null && token.compareTo(end) > 0) {
                    return written;
                }
                Optional<Envelope> envelope = watched(change).flatMap(collection -> envelopes.toEnvelope(collection, change));
                if (envelope.isPresent()) {
                    out.write(EnvelopeCodec.toJson(envelope.get()));
                    out.write('\n');
                    written++;
                }
                if (request.endsAt(token)) {
                    return written;
                }
                if (cursor.available() == 0) {
                    out.flush(); // a follower sees each batch at once, even while other collections keep the stream busy
                }
            }
        }

        private boolean isAtOrAfterEnd(BsonDocument postBatchToken) {
            return postBatchToken == null || ResumeTokens.of(postBatchToken).compareTo(end) >= 0;
        }

        /** The next change, or null when the stream has caught up; the history may run out while following. */
        private ChangeStreamDocument<Document> next() {
            try {
                return cursor.tryNext();
            } catch (MongoServerException e) {
                throw refused(request.after(), e);
            }
        }

        /** The watched collection a change belongs to (a rename counts for both names), if any. */
        private Optional<String> watched(ChangeStreamDocument<Document> change) {
            if (change.getNamespace() != null && collections.contains(change.getNamespace().getCollectionName())) {
                return Optional.of(change.getNamespace().getCollectionName());
            }
            if (change.getDestinationNamespace() != null
                    && collections.contains(change.getDestinationNamespace().getCollectionName())) {
                return Optional.of(change.getDestinationNamespace().getCollectionName());
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            cursor.close();
        }
    }
}
