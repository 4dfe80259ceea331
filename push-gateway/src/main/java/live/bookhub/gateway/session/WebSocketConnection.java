package live.bookhub.gateway.session;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import live.bookhub.gateway.system.GatewayProperties;

/** One WebSocket connection's frames from the client, once upgraded: ops, pings and pongs, close. */
final class WebSocketConnection extends ClientConnection {

    private final InboundFrames inbound;
    private boolean inBinaryMessage;

    WebSocketConnection(Connections connections, GatewayProperties properties) {
        super(connections);
        this.inbound = new InboundFrames((int) properties.maxFrameSize().toBytes(),
                new FrameRateLimit(properties.maxClientFramesPerSecond(), properties.clientFrameBurst(), System.nanoTime()));
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        try {
            if (session != null) {
                read(context, message);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void read(ChannelHandlerContext context, Object message) {
        if (message instanceof TextWebSocketFrame text) {
            inBinaryMessage = false;
            onText(text.text(), text.isFinalFragment());
        } else if (message instanceof ContinuationWebSocketFrame piece) {
            if (!inBinaryMessage) {
                onText(piece.text(), piece.isFinalFragment());
            }
        } else if (message instanceof BinaryWebSocketFrame binary) {
            inBinaryMessage = !binary.isFinalFragment();
            session.heard();
            session.sendFrame(Frames.error("bad_frame", "frames are JSON text; binary frames are not read"));
        } else if (message instanceof PingWebSocketFrame ping) {
            session.heard();
            context.writeAndFlush(new PongWebSocketFrame(ping.content().retain()), context.voidPromise());
        } else if (message instanceof PongWebSocketFrame) {
            session.heard();
        } else if (message instanceof CloseWebSocketFrame close) {
            context.writeAndFlush(close.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void onText(String text, boolean last) {
        switch (inbound.accept(text, last, System.nanoTime())) {
            case COMPLETE -> connections.receive(session, inbound.text());
            case TOO_LARGE -> connections.rejectOversized(session);
            case FLOOD -> connections.closeFlooding(session);
            case INCOMPLETE -> session.heard();
        }
    }
}
