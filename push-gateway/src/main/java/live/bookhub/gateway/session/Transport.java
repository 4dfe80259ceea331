package live.bookhub.gateway.session;

import java.util.function.Consumer;

import live.bookhub.gateway.stream.OutboundFrame;

/** One client connection's way out: WebSocket or SSE. */
public interface Transport {

    /**
     * Starts sending one frame without blocking; {@code done} gets {@code null} once it is written,
     * or the failure. At most one send or ping is in flight at a time.
     */
    void send(OutboundFrame frame, Consumer<Throwable> done);

    /** Sends a keep-alive (a WebSocket ping, an SSE comment); {@code done} as for {@link #send}. */
    void ping(Consumer<Throwable> done);

    /**
     * Whether the peer answers pings (WebSocket pongs): then silence longer than the idle timeout
     * means it is gone. SSE peers never write, so only failed writes tell.
     */
    boolean answersPings();

    /** Closes the connection with a close code from the README's table. */
    void close(int code, String reason);
}
