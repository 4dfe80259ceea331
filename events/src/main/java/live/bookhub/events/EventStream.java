package live.bookhub.events;

/**
 * Where events live in Redis: one bounded stream for history and one pub/sub channel for the live
 * copy, both named {@value #KEY}. A stream entry keeps the envelope without its {@code id} in the
 * field {@value #ENVELOPE_FIELD} (the id is the entry's own id) and the change's resume token in
 * {@value #TOKEN_FIELD}; {@link EnvelopeCodec#withId} puts the two together.
 */
public final class EventStream {

    public static final String KEY = "bookhub:events";
    public static final String CHANNEL = "bookhub:events";
    public static final String ENVELOPE_FIELD = "envelope";
    public static final String TOKEN_FIELD = "token";
    /** About how many entries the stream keeps ({@code MAXLEN ~}), unless the watcher is told otherwise. */
    public static final long DEFAULT_MAX_LENGTH = 100_000;

    private EventStream() {
    }
}
