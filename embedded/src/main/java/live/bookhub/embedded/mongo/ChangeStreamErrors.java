package live.bookhub.embedded.mongo;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/** The errors MongoDB 6 answers to change stream requests, with the same codes and code names. */
final class ChangeStreamErrors {

    private ChangeStreamErrors() {
    }

    static MongoServerError badValue(String message) {
        return new MongoServerError(2, "BadValue", message);
    }

    static MongoServerError historyLost() {
        return new MongoServerError(286, "ChangeStreamHistoryLost",
                "Executor error during getMore :: caused by :: Resume of change stream was not possible,"
                        + " as the resume point may no longer be in the oplog.");
    }

    static MongoServerError tokenNotFound(String reason) {
        return new MongoServerError(280, "ChangeStreamFatalError",
                "cannot resume stream; the resume token was not found. " + reason);
    }

    /** {@code fullDocument} or {@code fullDocumentBeforeChange} "required", and the event has no such image. */
    static MongoServerError imageNotFound(String image, Document event) {
        BsonTimestamp time = (BsonTimestamp) event.get("clusterTime");
        Document brief = new Document("_id", event.get("_id")).append("operationType", event.get("operationType"))
                .append("clusterTime", "Timestamp(" + time.getTime() + ", " + time.getInc() + ")")
                .append("ns", event.get("ns")).append("documentKey", event.get("documentKey"));
        return new MongoServerError(47, "NoMatchingDocument", "Change stream was configured to require a " + image
                + " for all update, delete and replace events, but the " + image + " was not found for event: " + brief);
    }

    static MongoServerError resumeTokenModified() {
        return new MongoServerError(280, "ChangeStreamFatalError", "Encountered an event whose _id field, which contains"
                + " the resume token, was modified by the pipeline. Modifying the _id field of an event makes it"
                + " impossible to resume the stream from that point. Only transformations that retain the unmodified"
                + " _id field are allowed.");
    }

    static MongoServerError resumeAfterInvalidate() {
        return new MongoServerError(260, "InvalidResumeToken",
                "Attempting to resume a change stream using 'resumeAfter' is not allowed from an invalidate"
                        + " notification.");
    }
}
