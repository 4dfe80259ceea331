package live.bookhub.gateway.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import live.bookhub.gateway.connection.Connections;

/** One SSE connection once its stream is open: the client sends nothing more; its leaving ends the session. */
final class SseHandler extends SessionHandler {

    SseHandler(Connections connections) {
        super(connections);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        ReferenceCountUtil.release(message); // a stream is one request; anything after it is ignored
    }
}
