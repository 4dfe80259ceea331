package live.bookhub.gateway.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import live.bookhub.gateway.protocol.FrameBlock;
import live.bookhub.gateway.protocol.OutboundFrame;
import live.bookhub.gateway.protocol.SharedFrames;
import live.bookhub.gateway.protocol.WebSocketFrames;

/**
 * Sends each frame's pre-framed bytes as they are: the event was framed once for all its recipients,
 * into one direct buffer that every write shares; a run of a replay page's events is one slice of
 * the page's buffer. The keep-alive is shared the same way, so a round
 * of pings allocates nothing but the duplicates.
 */
final class WebSocketTransport extends ChannelTransport {

    private static final ByteBuf PING = SharedFrames.of(WebSocketFrames.ping());

    WebSocketTransport(Channel channel) {
        super(channel);
    }

    @Override
    public boolean answersPings() {
        return true;
    }

    @Override
    Object encode(OutboundFrame frame) {
        return frame.webSocketFrame().retainedDuplicate();
    }

    /** The run's frames lie one after the other in the block: one slice of it carries them all. */
    @Override
    Object encode(FrameBlock<?> block, int from, int to) {
        return block.webSocketFrames(from, to);
    }

    @Override
    Object keepAlive() {
        return PING.retainedDuplicate();
    }

    @Override
    Object farewell(int code, String reason) {
        return new CloseWebSocketFrame(code, reason);
    }
}
