package live.bookhub.embedded.mongo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.CursorNotFoundException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import live.bookhub.embedded.mongo.OplogEntry.Kind;
import live.bookhub.embedded.mongo.pipeline.DocumentPipeline;

/**
 * Opens change-stream cursors ({@code aggregate} with a leading {@code $changeStream}) on a
 * collection, a database ({@code aggregate: 1}) or the cluster ({@code allChangesForCluster} on
 * admin), resolves where they start, and writes the cursor replies with their postBatchResumeToken.
 */
final class ChangeStreams {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreams.class);
    private static final int DEFAULT_FIRST_BATCH = 101;
    private static final int DEFAULT_NEXT_BATCH = 1000;

    private final BoundedOplog oplog;
    private final ChangeEventFactory events;
    private final CursorRegistry cursors;
    private final DatabaseResolver databases;

    ChangeStreams(BoundedOplog oplog, DocumentLookup lookup, CursorRegistry cursors, DatabaseResolver databases) {
        this.oplog = oplog;
        this.events = new ChangeEventFactory(lookup, oplog.store().deploymentId());
        this.cursors = cursors;
        this.databases = databases;
    }

    static boolean isChangeStream(String command, Document query) {
        if (!"aggregate".equalsIgnoreCase(command) || !(query.get("pipeline") instanceof List<?> pipeline)) {
            return false;
        }
        return !pipeline.isEmpty() && pipeline.get(0) instanceof Document first && first.containsKey("$changeStream");
    }

    Document open(String databaseName, Document query) {
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        Document options = (Document) pipeline.get(0).get("$changeStream");
        Object target = query.get("aggregate");
        boolean cluster = Boolean.TRUE.equals(options.get("allChangesForCluster"));
        if (cluster != "admin".equals(databaseName)) {
            throw new MongoServerError(73, "InvalidNamespace", cluster
                    ? "$changeStream with allChangesForCluster may only be opened on the admin database"
                    : "$changeStream may not be opened on the internal admin database");
        }
        String collectionName = target instanceof String name ? name : null;
        ChangeStreamSpec spec = ChangeStreamSpec.parse(options, cluster ? null : databaseName, collectionName);
        long start = startPosition(spec);

        MongoDatabase database = databases.resolve(databaseName);
        MongoCollection<?> collection = collectionName == null ? null : database.resolveCollection(collectionName, false);
        if (!(query.get("cursor") instanceof Document)) {
            throw new MongoServerError(9, "FailedToParse", "The 'cursor' option is required, except for aggregate with the explain argument");
        }
        DocumentPipeline rest = DocumentPipeline.forChangeStream(pipeline.subList(1, pipeline.size()),
                stages -> Aggregation.fromPipeline(stages, databases, database, collection, oplog));

        ChangeStreamCursor cursor = new ChangeStreamCursor(cursors.generateCursorId(), spec, oplog.store(), events, rest, start);
        Object batchSize = ((Document) query.getOrDefault("cursor", new Document())).get("batchSize");
        List<Document> firstBatch = cursor.takeDocuments(batchSize == null ? DEFAULT_FIRST_BATCH : ((Number) batchSize).intValue());
        if (!cursor.isEmpty()) {
            cursors.add(cursor);
        }
        log.debug("opened change stream {} on {}.{} at {}", cursor.getId(), databaseName, target, Long.toHexString(start));
        String ns = collectionName == null ? databaseName + ".$cmd.aggregate" : databaseName + "." + collectionName;
        return reply("firstBatch", ns, firstBatch, cursor);
    }

    /** @return null when {@code cursorId} is no change stream */
    ChangeStreamCursor cursor(long cursorId) {
        try {
            return cursors.getCursor(cursorId) instanceof ChangeStreamCursor cursor ? cursor : null;
        } catch (CursorNotFoundException e) {
            return null;
        }
    }

    /** The most events a getMore returns, from its optional batchSize. */
    static int nextBatchLimit(Object batchSize) {
        return batchSize instanceof Number number && number.intValue() > 0 ? number.intValue() : DEFAULT_NEXT_BATCH;
    }

    Document getMore(ChangeStreamCursor cursor, String ns, Object batchSize) {
        try {
            List<Document> nextBatch = cursor.takeDocuments(nextBatchLimit(batchSize));
            if (cursor.isEmpty()) {
                cursors.remove(cursor);
            }
            return reply("nextBatch", ns, nextBatch, cursor);
        } catch (MongoServerError e) {
            cursors.remove(cursor); // like MongoDB, a cursor that failed is gone
            throw e;
        }
    }

    private long startPosition(ChangeStreamSpec spec) {
        OplogStore store = oplog.store();
        ResumeToken token = spec.resumeAfter() != null ? spec.resumeAfter() : spec.startAfter();
        if (token != null) {
            if (token.deploymentId() != store.deploymentId()) {
                throw ChangeStreamErrors.tokenNotFound("The token was issued by another deployment.");
            }
            if (token.position() < store.first()) {
                throw ChangeStreamErrors.historyLost();
            }
            OplogEntry entry = store.get(token.position());
            if (entry == null) {
                throw ChangeStreamErrors.tokenNotFound("No oplog entry at " + token.data() + ".");
            }
            if (spec.resumeAfter() != null && entry.kind() == Kind.INVALIDATE && spec.sees(entry)) {
                throw ChangeStreamErrors.resumeAfterInvalidate();
            }
            return token.position();
        }
        if (spec.startAtOperationTime() != null) {
            long start = spec.startAtOperationTime().getValue();
            if (start < store.first()) {
                throw ChangeStreamErrors.historyLost();
            }
            return start - 1;
        }
        return store.last();
    }

    private static Document reply(String batchField, String ns, List<Document> batch, ChangeStreamCursor cursor) {
        Document cursorDocument = new Document()
                .append(batchField, batch)
                .append("postBatchResumeToken", cursor.postBatchResumeToken())
                .append("id", cursor.isEmpty() ? 0L : cursor.getId())
                .append("ns", ns);
        return new Document("cursor", cursorDocument).append("ok", 1.0);
    }
}
