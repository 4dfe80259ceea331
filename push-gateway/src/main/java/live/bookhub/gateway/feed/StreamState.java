package live.bookhub.gateway.feed;

import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;

/**
 * Where the event stream stood at one moment, read in one atomic step.
 *
 * @param epoch       the stream's epoch: {@code null} while there is no stream (or one written before epochs)
 * @param since       the id the stream's current life began with ({@code 0-0}: with its start, as far as is known), or {@code null}
 * @param first       its oldest entry left, {@code null} when it holds none
 * @param last        its newest entry, {@code null} when it holds none
 * @param lastTrimmed the newest id trimmed from it, {@code null} when none was or Redis does not say (Redis 6)
 */
public record StreamState(String epoch, StreamId since, StreamId first, StreamId last, StreamId lastTrimmed) {

    public static final StreamState NO_STREAM = new StreamState(null, null, null, null, null);

    /** After its newest entry: where a client starts that has nothing to catch up on. */
    public StreamPosition end() {
        return new StreamPosition(epoch, last == null ? StreamId.ZERO : last);
    }
}
