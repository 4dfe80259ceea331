package live.bookhub.events;

/**
 * A Redis stream entry id, {@code <milliseconds>-<sequence>}: global and monotonic, so clients resume
 * with it and gateways order and de-duplicate by it.
 */
public record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    public static final StreamId ZERO = new StreamId(0, 0);

    /** Parses an id; a bare number means sequence 0, as Redis reads it. */
    public static StreamId parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 41) {
            throw new IllegalArgumentException("not a stream id: " + id);
        }
        int dash = id.indexOf('-');
        try {
            if (dash < 0) {
                return new StreamId(Long.parseUnsignedLong(id), 0);
            }
            return new StreamId(Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream id: " + id);
        }
    }

    public static boolean isValid(String id) {
        try {
            parse(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isAfter(StreamId other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(StreamId other) {
        int byMillis = Long.compareUnsigned(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }
}
