package live.bookhub.watcher.stream;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import live.bookhub.watcher.envelope.ResumeTokens;

/** Where a change stream stands now, for streams that restart from now or replay up to now. */
public final class StreamPositions {

    private StreamPositions() {
    }

    /**
     * The newest position of a change stream opened from now: the token of its first change, or the
     * post-batch token of its first empty read.
     */
    public static <T> String now(ChangeStreamIterable<T> stream) {
        try (MongoChangeStreamCursor<ChangeStreamDocument<T>> cursor = stream.cursor()) {
            while (!Thread.currentThread().isInterrupted()) {
                ChangeStreamDocument<T> first = cursor.tryNext();
                if (first != null) {
                    return ResumeTokens.of(first.getResumeToken());
                }
                if (cursor.getResumeToken() != null) {
                    return ResumeTokens.of(cursor.getResumeToken());
                }
            }
            throw new MongoInterruptedException("interrupted while finding the current position of a change stream", null);
        }
    }
}
