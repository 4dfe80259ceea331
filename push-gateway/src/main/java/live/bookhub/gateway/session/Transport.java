package live.bookhub.gateway.session;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import live.bookhub.gateway.stream.OutboundFrame;

/**
 * One client connection's wire (WebSocket or SSE) on a Netty channel. Called only on the channel's
 * event loop: writes go straight into the channel, in call order, and a socket that cannot take
 * them keeps them in the channel's outbound buffer rather than holding a thread.
 */
abstract class Transport {

    /** A peer that reads nothing never takes the farewell frame; it is cut off after this. */
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private final Channel channel;
    private boolean closing;

    Transport(Channel channel) {
        this.channel = channel;
    }

    final EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** Queues a frame in the channel; nothing reaches the socket before {@link #flush}. */
    final void write(OutboundFrame frame) {
        channel.write(encode(frame), channel.voidPromise());
    }

    /** Hands what was written to the socket; returns the bytes it has not taken yet. */
    final long flush() {
        channel.flush();
        ChannelOutboundBuffer unsent = channel.unsafe().outboundBuffer();
        return unsent == null ? 0 : unsent.totalPendingWriteBytes();
    }

    final void ping() {
        channel.writeAndFlush(keepAlive(), channel.voidPromise());
    }

    /** Whether the unsent bytes are below the channel's low water mark (after having passed the high one). */
    final boolean isWritable() {
        return channel.isWritable();
    }

    /** Sends the farewell (a close frame, an SSE {@code close} event) and closes the connection. */
    final void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        channel.writeAndFlush(farewell(code, reason)).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Whether the peer answers pings (WebSocket pongs): then silence longer than the idle timeout
     * means it is gone. SSE peers never write, so only failed writes tell.
     */
    abstract boolean answersPings();

    /** The message that carries the frame: handed to the channel as is. */
    abstract Object encode(OutboundFrame frame);

    abstract Object keepAlive();

    abstract Object farewell(int code, String reason);
}
