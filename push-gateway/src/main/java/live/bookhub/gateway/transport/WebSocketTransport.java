package live.bookhub.gateway.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import live.bookhub.gateway.protocol.OutboundFrame;

/** Sends each frame's pre-framed bytes as they are: the event was framed once for all its recipients. */
final class WebSocketTransport extends ChannelTransport {

    WebSocketTransport(Channel channel) {
        super(channel);
    }

    @Override
    public boolean answersPings() {
        return true;
    }

    @Override
    Object encode(OutboundFrame frame) {
        return Unpooled.wrappedBuffer(frame.webSocketFrame());
    }

    @Override
    Object keepAlive() {
        return new PingWebSocketFrame();
    }

    @Override
    Object farewell(int code, String reason) {
        return new CloseWebSocketFrame(code, reason);
    }
}
