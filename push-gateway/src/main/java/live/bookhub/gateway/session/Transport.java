package live.bookhub.gateway.session;

import java.util.function.Consumer;

/** One client connection's way out: WebSocket or SSE. */
public interface Transport {

    /**
     * Starts sending one text frame without blocking; {@code done} gets {@code null} once it is
     * written, or the failure. At most one send is in flight at a time.
     */
    void send(String text, Consumer<Throwable> done);

    /** Closes the connection with a close code from the README's table. */
    void close(int code, String reason);
}
