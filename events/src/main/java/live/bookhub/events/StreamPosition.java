package live.bookhub.events;

/**
 * Where a client stands in the event stream: the stream's epoch and an entry id. A stream id means
 * something only within one life of the stream (Redis may lose the stream, and the watcher then
 * refills a new one with new ids), so a position names the life it belongs to. On the wire it is
 * {@code <epoch>:<id>}; a bare id is still read, from clients that know no epoch.
 *
 * @param epoch the stream's epoch, or {@code null} when unknown (a bare id, or no stream yet)
 */
public record StreamPosition(String epoch, StreamId id) {

    /** Before anything, in no known life: where a client starts when there is no stream yet. */
    public static final StreamPosition NONE = new StreamPosition(null, StreamId.ZERO);

    /** Epochs are short random tokens (the watcher's are 16 hex digits): at most this long, letters and digits. */
    private static final int MAX_EPOCH_LENGTH = 32;

    public StreamPosition {
        if (epoch != null && !isEpoch(epoch)) {
            throw new IllegalArgumentException("not a stream epoch: " + epoch);
        }
    }

    /** Reads {@code <epoch>:<id>} or a bare id. */
    public static StreamPosition parse(String position) {
        if (position == null || position.length() > 80) {
            throw new IllegalArgumentException("not a stream position: " + position);
        }
        int colon = position.indexOf(':');
        return colon < 0 ? new StreamPosition(null, StreamId.parse(position))
                : new StreamPosition(position.substring(0, colon), StreamId.parse(position.substring(colon + 1)));
    }

    public static boolean isValid(String position) {
        try {
            parse(position);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isEpoch(String text) {
        if (text.isEmpty() || text.length() > MAX_EPOCH_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** Whether both belong to the same known life of the stream. */
    public boolean sameEpoch(StreamPosition other) {
        return epoch != null && epoch.equals(other.epoch);
    }

    @Override
    public String toString() {
        return epoch == null ? id.toString() : epoch + ":" + id;
    }
}
