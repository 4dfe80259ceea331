package live.bookhub.gateway.client;

import io.netty.channel.EventLoop;
import live.bookhub.gateway.protocol.FrameBlock;
import live.bookhub.gateway.protocol.OutboundFrame;

/**
 * A client's wire (WebSocket or SSE), as its session uses it. Called only on {@link #eventLoop()}:
 * writes go out in call order, and a socket that cannot take them keeps them queued rather than
 * holding a thread.
 */
public interface Transport {

    EventLoop eventLoop();

    /** Queues a frame; nothing reaches the socket before {@link #flush}. */
    void write(OutboundFrame frame);

    /** Queues the frames {@code from} (inclusive) to {@code to} (exclusive) of a block, as one write where the protocol allows. */
    void write(FrameBlock<?> block, int from, int to);

    /** Hands what was written to the socket; returns the bytes it has not taken yet. */
    long flush();

    /** A keep-alive: a WebSocket ping, an SSE comment. */
    void ping();

    /** Whether the unsent bytes are below the low water mark (after having passed the high one). */
    boolean isWritable();

    /** Sends the farewell (a close frame, an SSE {@code close} event) and closes the connection. */
    void close(int code, String reason);

    /**
     * Whether the peer answers pings (WebSocket pongs): then silence longer than the idle timeout
     * means it is gone. SSE peers never write, so only failed writes tell.
     */
    boolean answersPings();
}
