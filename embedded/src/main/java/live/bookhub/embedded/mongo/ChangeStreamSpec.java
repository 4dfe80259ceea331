package live.bookhub.embedded.mongo;

import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import live.bookhub.embedded.mongo.OplogEntry.Kind;

/**
 * What one change stream asked for: its scope (a collection, a database, or the whole cluster),
 * where it starts, which document images its events carry, and whether it shows DDL events.
 *
 * @param collection         null for a database or cluster stream
 * @param database           null for a cluster stream
 * @param showExpandedEvents create, createIndexes, dropIndexes and modify events, and collectionUUID
 */
record ChangeStreamSpec(String database, String collection, FullDocument fullDocument, Image preImage,
                        boolean showExpandedEvents, ResumeToken resumeAfter, ResumeToken startAfter,
                        BsonTimestamp startAtOperationTime) {

    enum FullDocument {
        /** Inserts and replaces carry the document, updates none. */
        DEFAULT,
        /** Updates carry the document as it is when the event is read, or null when it is gone. */
        UPDATE_LOOKUP,
        /** Updates carry their post-image where the collection keeps images, else null. */
        WHEN_AVAILABLE,
        /** Updates carry their post-image; an update without one fails the stream (NoMatchingDocument). */
        REQUIRED
    }

    /** {@code fullDocumentBeforeChange}: the pre-image of updates, replaces and deletes. */
    enum Image {
        OFF, WHEN_AVAILABLE, REQUIRED
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
                preImage(options.get("fullDocumentBeforeChange")), Boolean.TRUE.equals(options.get("showExpandedEvents")),
                options.containsKey("resumeAfter") ? ResumeToken.parse(options.get("resumeAfter")) : null,
                options.containsKey("startAfter") ? ResumeToken.parse(options.get("startAfter")) : null,
                (BsonTimestamp) startAt);
    }

    private static FullDocument fullDocument(Object value) {
        return switch (value == null ? "default" : String.valueOf(value)) {
            case "default" -> FullDocument.DEFAULT;
            case "updateLookup" -> FullDocument.UPDATE_LOOKUP;
            case "whenAvailable" -> FullDocument.WHEN_AVAILABLE;
            case "required" -> FullDocument.REQUIRED;
            default -> throw ChangeStreamErrors.badValue("'" + value + "' is not a valid value for fullDocument"
                    + " (default, updateLookup, whenAvailable, required)");
        };
    }

    private static Image preImage(Object value) {
        return switch (value == null ? "off" : String.valueOf(value)) {
            case "off" -> Image.OFF;
            case "whenAvailable" -> Image.WHEN_AVAILABLE;
            case "required" -> Image.REQUIRED;
            default -> throw ChangeStreamErrors.badValue("'" + value + "' is not a valid value for fullDocumentBeforeChange"
                    + " (off, whenAvailable, required)");
        };
    }

    /** Whether an oplog entry shows up on this stream (invalidations included, no-ops never). */
    /** Whether the stream surely does not see an entry with this header: another collection's document change, say. */
    boolean skips(OplogEntry.Header header) {
        if (header.kind() == Kind.NOOP || (header.kind().isExpanded() && !showExpandedEvents)) {
            return true;
        }
        if (!header.isCrud() || database == null) {
            return false;
        }
        int dot = header.ns().indexOf('.');
        return collection == null
                ? !database.equals(dot < 0 ? header.ns() : header.ns().substring(0, dot))
                : !(database + "." + collection).equals(header.ns());
    }

    boolean sees(OplogEntry entry) {
        if (entry.kind() == Kind.NOOP || (entry.kind().isExpanded() && !showExpandedEvents)) {
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
