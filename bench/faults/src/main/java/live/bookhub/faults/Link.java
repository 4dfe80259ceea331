package live.bookhub.faults;

/** One connection of a client to a gateway, WebSocket or SSE: it hands over each JSON frame, then its end. */
public interface Link {

    /** What a link tells its client. Calls come one at a time for one link. */
    interface Listener {
        void onFrame(String json);

        /** The connection ended or could not open: {@code code} is the close code when one was given, else -1. */
        void onEnd(int code);
    }

    /** Closes it from the client's side; {@link Listener#onEnd} may still follow. */
    void close();
}
