package live.bookhub.gateway.transport;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoop;
import live.bookhub.gateway.client.Transport;
import live.bookhub.gateway.protocol.FrameBlock;
import live.bookhub.gateway.protocol.OutboundFrame;

/**
 * A client's wire on a Netty channel: writes go straight into the channel, and a socket that cannot
 * take them keeps them in the channel's outbound buffer. The subclasses say how each frame, the
 * keep-alive and the farewell look on their protocol.
 */
abstract class ChannelTransport implements Transport {

    /** A peer that reads nothing never takes the farewell frame; it is cut off after this. */
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    private final Channel channel;
    private boolean closing;

    ChannelTransport(Channel channel) {
        this.channel = channel;
    }

    @Override
    public final EventLoop eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public final void write(OutboundFrame frame) {
        channel.write(encode(frame), channel.voidPromise());
    }

    @Override
    public final void write(FrameBlock<?> block, int from, int to) {
        channel.write(encode(block, from, to), channel.voidPromise());
    }

    @Override
    public final long flush() {
        channel.flush();
        ChannelOutboundBuffer unsent = channel.unsafe().outboundBuffer();
        return unsent == null ? 0 : unsent.totalPendingWriteBytes();
    }

    @Override
    public final void ping() {
        channel.writeAndFlush(keepAlive(), channel.voidPromise());
    }

    @Override
    public final boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public final void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        channel.writeAndFlush(farewell(code, reason)).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The message that carries the frame: handed to the channel as is. */
    abstract Object encode(OutboundFrame frame);

    /** The message that carries a run of a block's frames. */
    abstract Object encode(FrameBlock<?> block, int from, int to);

    abstract Object keepAlive();

    abstract Object farewell(int code, String reason);
}
