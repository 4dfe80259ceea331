package live.bookhub.watcher.envelope;

import java.util.Optional;

import org.bson.BsonDocument;

/**
 * Change stream resume tokens as the watcher keeps and compares them: their {@code _data} string, a
 * hex encoding of a MongoDB key string. Those sort bytewise in oplog order, so comparing the strings
 * compares the positions.
 */
public final class ResumeTokens {

    private ResumeTokens() {
    }

    /** The {@code _data} string of a resume token: what is stored, appended, and handed to the replay tool. */
    public static String of(BsonDocument resumeToken) {
        return resumeToken.getString("_data").getValue();
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
}
