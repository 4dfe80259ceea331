package live.bookhub.watcher.envelope;

import java.util.Optional;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Change stream resume tokens as the watcher keeps and compares them, all in one place: their
 * {@code _data} string (a hex encoding of a MongoDB key string, which sorts bytewise in oplog order,
 * so comparing the strings compares the positions), the token document a stream starts after, the
 * position of "now", and MongoDB's errors for a token it can no longer resume from.
 */
public final class ResumeTokens {

    /** MongoDB's ChangeStreamHistoryLost: the resume position fell off the oplog. */
    public static final int HISTORY_LOST = 286;
    /** MongoDB's ChangeStreamFatalError: the resume position is unknown here (from another deployment, say). */
    public static final int UNKNOWN_POSITION = 280;
    /**
     * What separates a change's token from the suffix of an event derived from it: it sorts below every
     * hex digit, so {@code <token>!x} is newer than the change and older than any later change.
     */
    public static final char DERIVED = '!';

    private ResumeTokens() {
    }

    /** The {@code _data} string of a resume token: what is stored, appended, and handed to the replay tool. */
    public static String of(BsonDocument resumeToken) {
        return resumeToken.getString("_data").getValue();
    }

    /** The resume token document of a stored position, for {@code startAfter}/{@code resumeAfter}. */
    public static BsonDocument document(String token) {
        return new BsonDocument("_data", new BsonString(token));
    }

    /**
     * Where a stream reopens after a restart: after the stored checkpoint, which may be older than the
     * last token appended (a crash can fall between the append and the checkpoint). The changes read
     * again are not appended twice (the append script skips tokens not newer than the last), but events
     * derived from them that were not appended yet are (a low-stock alert, whose token is its change's
     * with a suffix after {@link #DERIVED}). Without a checkpoint, or when the last append was a derived
     * event (its change and everything derived from it is in), after the change appended last.
     */
    public static Optional<String> startAfter(Optional<String> checkpoint, Optional<String> appended) {
        if (appended.isPresent() && appended.get().indexOf(DERIVED) >= 0) {
            return newer(checkpoint, appended.map(ResumeTokens::changeOf));
        }
        return checkpoint.isPresent() ? checkpoint : appended;
    }

    /** The token of the change an appended token stands for: itself, or a derived event's change's. */
    public static String changeOf(String appended) {
        int derived = appended.indexOf(DERIVED);
        return derived >= 0 ? appended.substring(0, derived) : appended;
    }

    /** The later of two positions, either of which may be unknown. */
    public static Optional<String> newer(Optional<String> first, Optional<String> second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return first.get().compareTo(second.get()) >= 0 ? first : second;
    }

    /**
     * The newest position of a change stream opened from now: the token of its first change, or the
     * post-batch token of its first empty read. For streams that restart from now or replay up to now.
     */
    public static <T> String now(ChangeStreamIterable<T> stream) {
        try (MongoChangeStreamCursor<ChangeStreamDocument<T>> cursor = stream.cursor()) {
            while (!Thread.currentThread().isInterrupted()) {
                ChangeStreamDocument<T> first = cursor.tryNext();
                if (first != null) {
                    return of(first.getResumeToken());
                }
                if (cursor.getResumeToken() != null) {
                    return of(cursor.getResumeToken());
                }
            }
            throw new MongoInterruptedException("interrupted while finding the current position of a change stream", null);
        }
    }
}
