package live.bookhub.gateway.feed;

import java.util.Optional;

import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;

/**
 * Whether a client can be brought up to date from a position, over one reading of the stream: pure
 * functions, so every case is a unit test. A position from another life of the stream (another
 * epoch) or past its end cannot be, nor one whose next entries were trimmed: those clients reset.
 */
public final class Recovery {

    /** Where a client starts, and the reason it must refetch first, if it must. */
    public record Start(StreamPosition position, Optional<HistoryGap> gap) {
    }

    private Recovery() {
    }

    /**
     * @param requested the client's {@code lastEventId} ({@code <epoch>:<id>} or a bare id), or {@code null} to start from now
     */
    public static Start start(StreamState stream, String requested) {
        if (requested == null) {
            return new Start(stream.end(), Optional.empty());
        }
        if (!StreamPosition.isValid(requested)) {
            return new Start(stream.end(), Optional.of(HistoryGap.MALFORMED_LAST_EVENT_ID));
        }
        StreamPosition position = StreamPosition.parse(requested);
        Optional<HistoryGap> gap = gapAfter(stream, position);
        // A bare id the stream cannot fault is taken as one of its current life.
        return gap.isPresent() ? new Start(stream.end(), gap) : new Start(new StreamPosition(stream.epoch(), position.id()), gap);
    }

    /**
     * Why the stream no longer holds every entry after {@code position}, if it does not. A position
     * without an epoch is checked as far as the stream can tell: an id older than the current life's
     * first entry belongs to an earlier one. Trimming removes from the head, so entries may be missing
     * only when the first entry left is later than the position; Redis 7 then tells the last id it
     * trimmed. Without that answer (Redis 6) a gap is assumed.
     */
    public static Optional<HistoryGap> gapAfter(StreamState stream, StreamPosition position) {
        StreamId after = position.id();
        if (position.epoch() != null ? !position.epoch().equals(stream.epoch())
                : stream.since() != null && after.compareTo(stream.since()) < 0) {
            return Optional.of(HistoryGap.EPOCH_CHANGED);
        }
        if (stream.last() == null ? !after.equals(StreamId.ZERO) : after.isAfter(stream.last())) {
            return Optional.of(HistoryGap.UNKNOWN_POSITION);
        }
        if (stream.first() == null || !stream.first().isAfter(after)) {
            return Optional.empty();
        }
        return stream.lastTrimmed() != null && !stream.lastTrimmed().isAfter(after) ? Optional.empty()
                : Optional.of(HistoryGap.HISTORY_LOST);
    }
}
