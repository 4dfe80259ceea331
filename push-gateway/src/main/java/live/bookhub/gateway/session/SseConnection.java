package live.bookhub.gateway.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;

/** One SSE connection once its stream is open: the client sends nothing more; its leaving ends the session. */
final class SseConnection extends ClientConnection {

    SseConnection(Connections connections) {
        super(connections);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        ReferenceCountUtil.release(message); // a stream is one request; anything after it is ignored
    }
}
