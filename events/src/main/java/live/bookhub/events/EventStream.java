package live.bookhub.events;

/**
 * Where events live in Redis: one bounded stream for history and one pub/sub channel for the live
 * copy, both named {@value #KEY}. A stream entry keeps the envelope without its {@code id} in the
 * field {@value #ENVELOPE_FIELD} (the id is the entry's own id) and the change's resume token in
 * {@value #TOKEN_FIELD}; {@link EnvelopeCodec#withPosition} puts them together. The hash {@value #EPOCH_KEY}
 * holds the stream's epoch ({@value #EPOCH_FIELD}, new whenever the stream has to be created) and the
 * id its life began with ({@value #SINCE_FIELD}); see {@link StreamPosition} and {@link AppendScript}.
 */
public final class EventStream {

    public static final String KEY = "bookhub:events";
    public static final String CHANNEL = "bookhub:events";
    public static final String ENVELOPE_FIELD = "envelope";
    public static final String TOKEN_FIELD = "token";
    public static final String EPOCH_KEY = "bookhub:events:epoch";
    public static final String EPOCH_FIELD = "epoch";
    public static final String SINCE_FIELD = "since";
    /** The newest id the append script trimmed from the stream's head (absent while it trimmed none). */
    public static final String TRIMMED_FIELD = "trimmed";
    /** How many entries the stream keeps (the append script trims at 1% over it), unless the watcher is told otherwise. */
    public static final long DEFAULT_MAX_LENGTH = 100_000;

    private EventStream() {
    }
}
