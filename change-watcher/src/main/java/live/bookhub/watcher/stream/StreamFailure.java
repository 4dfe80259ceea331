package live.bookhub.watcher.stream;

import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoServerException;
import live.bookhub.events.WireName;
import live.bookhub.watcher.envelope.ResetEnvelopes.Reason;
import live.bookhub.watcher.envelope.ResumeTokens;
import live.bookhub.watcher.leader.NotLeaderException;
import live.bookhub.watcher.system.FatalFailure;
import org.springframework.dao.DataAccessException;

/**
 * What a failure of the streaming loop means for it, Debezium's single error classifier: what
 * retrying cannot mend ({@link FatalFailure}: credentials, rights, a deployment that serves no change
 * streams) ends the watcher, lost history is answered with a reset, an interrupt ends the loop with
 * the thread's flag restored, everything else (a server away, a timeout) is retried with backoff.
 * Its wire name is the {@code cause} tag of {@code bookhub_watcher_errors_total}.
 */
enum StreamFailure implements WireName {
    /** The thread was interrupted (the watcher stops or steps down). */
    INTERRUPTED,
    /** Retrying cannot mend it: the watcher ends, naming the setting to check. */
    FATAL,
    /** MongoDB 286 ChangeStreamHistoryLost: the resume position fell off the oplog. */
    HISTORY_LOST,
    /** MongoDB 280 ChangeStreamFatalError: the resume position is unknown (another deployment, say). */
    UNKNOWN_POSITION,
    /** This replica may not publish now; the lease loop decides whether it leads again. */
    NOT_LEADER,
    REDIS,
    MONGODB,
    OTHER;

    /** The reset sent for a failure that restarts the stream from now, or null. */
    Reason resetReason() {
        return switch (this) {
            case HISTORY_LOST -> Reason.HISTORY_LOST;
            case UNKNOWN_POSITION -> Reason.UNKNOWN_POSITION;
            default -> null;
        };
    }

    static StreamFailure of(RuntimeException failure) {
        if (failure instanceof MongoInterruptedException || Thread.currentThread().isInterrupted()) {
            return INTERRUPTED;
        }
        if (FatalFailure.of(failure).isPresent()) {
            return FATAL;
        }
        if (failure instanceof MongoServerException server && server.getCode() == ResumeTokens.HISTORY_LOST) {
            return HISTORY_LOST;
        }
        if (failure instanceof MongoServerException server && server.getCode() == ResumeTokens.UNKNOWN_POSITION) {
            return UNKNOWN_POSITION;
        }
        if (failure instanceof NotLeaderException) {
            return NOT_LEADER;
        }
        if (failure instanceof DataAccessException) {
            return REDIS;
        }
        return failure instanceof MongoException ? MONGODB : OTHER;
    }
}
