package live.bookhub.embedded.mongo;

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

    static MongoServerError resumeAfterInvalidate() {
        return new MongoServerError(260, "InvalidResumeToken",
                "Attempting to resume a change stream using 'resumeAfter' is not allowed from an invalidate"
                        + " notification.");
    }
}
