package live.bookhub.embedded.mongo;

import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import live.bookhub.embedded.mongo.OplogEntry.Kind;

/**
 * What one change stream asked for: its scope (a collection, a database, or the whole cluster),
 * where it starts, and which document images its events carry.
 *
 * @param collection null for a database or cluster stream
 * @param database   null for a cluster stream
 */
record ChangeStreamSpec(String database, String collection, FullDocument fullDocument, boolean preImageField,
                        ResumeToken resumeAfter, ResumeToken startAfter, BsonTimestamp startAtOperationTime) {

    enum FullDocument {
        /** Inserts and replaces carry the document, updates none. */
        DEFAULT,
        /** Updates carry the document as it is when the event is read, or null when it is gone. */
        UPDATE_LOOKUP,
        /** Post-images are never recorded here, so updates carry null, as on MongoDB without them. */
        WHEN_AVAILABLE
    }

    static ChangeStreamSpec parse(Document options, String database, String collection) {
        long startOptions = Stream.of("resumeAfter", "startAfter", "startAtOperationTime")
                .filter(options::containsKey).count();
        if (startOptions > 1) {
            throw ChangeStreamErrors.badValue("Only one type of resume option is allowed, but multiple were found.");
        }
        Object startAt = options.get("startAtOperationTime");
        if (startAt != null && !(startAt instanceof BsonTimestamp)) {
            throw ChangeStreamErrors.badValue("startAtOperationTime must be a timestamp, got " + startAt);
        }
        return new ChangeStreamSpec(database, collection, fullDocument(options.get("fullDocument")),
                preImageField(options.get("fullDocumentBeforeChange")),
                options.containsKey("resumeAfter") ? ResumeToken.parse(options.get("resumeAfter")) : null,
                options.containsKey("startAfter") ? ResumeToken.parse(options.get("startAfter")) : null,
                (BsonTimestamp) startAt);
    }

    private static FullDocument fullDocument(Object value) {
        if (value == null || "default".equals(value)) {
            return FullDocument.DEFAULT;
        } else if ("updateLookup".equals(value)) {
            return FullDocument.UPDATE_LOOKUP;
        } else if ("whenAvailable".equals(value)) {
            return FullDocument.WHEN_AVAILABLE;
        }
        throw ChangeStreamErrors.badValue("unsupported fullDocument '" + value
                + "': this server records no post-images (supported: default, updateLookup, whenAvailable)");
    }

    private static boolean preImageField(Object value) {
        if (value == null || "off".equals(value)) {
            return false;
        } else if ("whenAvailable".equals(value)) {
            return true;
        }
        throw ChangeStreamErrors.badValue("unsupported fullDocumentBeforeChange '" + value
                + "': this server records no pre-images (supported: off, whenAvailable)");
    }

    /** Whether an oplog entry shows up on this stream (invalidations included, no-ops never). */
    boolean sees(OplogEntry entry) {
        if (entry.kind() == Kind.NOOP) {
            return false;
        }
        if (entry.kind() == Kind.INVALIDATE) {
            List<?> targets = (List<?>) entry.body().get(OplogEntry.TARGETS);
            return database != null && targets.contains(collection == null ? database : database + "." + collection);
        }
        if (database == null) {
            return true;
        }
        if (collection == null) {
            return database.equals(entry.database());
        }
        String namespace = database + "." + collection;
        return entry.kind() != Kind.DROP_DATABASE
                && (namespace.equals(entry.ns()) || namespace.equals(entry.body().get(OplogEntry.TO)));
    }
}
