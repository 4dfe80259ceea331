package live.bookhub.gateway.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import live.bookhub.gateway.connection.ClientOps;
import live.bookhub.gateway.connection.Connections;
import live.bookhub.gateway.protocol.GatewayFrame;
import live.bookhub.gateway.system.GatewayProperties;

/** One WebSocket connection's frames from the client, once upgraded: ops, pings and pongs, close. */
final class WebSocketHandler extends SessionHandler {

    private final ClientOps ops;
    private final MessageAssembler inbound;
    private final Channel channel;
    private boolean inBinaryMessage;
    private boolean welcomed;

    WebSocketHandler(Channel channel, Connections connections, ClientOps ops, GatewayProperties properties) {
        super(connections);
        this.channel = channel;
        this.ops = ops;
        this.inbound = new MessageAssembler((int) properties.maxFrameSize().toBytes(),
                new FrameRateLimit(properties.maxClientFramesPerSecond(), properties.clientFrameBurst(), System.nanoTime()));
    }

    /** The client's frames are read from now on: those it sent meanwhile waited in the socket, in order. */
    @Override
    public void welcomed() {
        welcomed = true;
        channel.config().setAutoRead(true);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        try {
            if (welcomed) {
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
            session.send(GatewayFrame.error("bad_frame", "frames are JSON text; binary frames are not read"));
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
            case COMPLETE -> ops.receive(session, inbound.text());
            case TOO_LARGE -> ops.rejectOversized(session);
            case FLOOD -> ops.closeFlooding(session);
            case INCOMPLETE -> session.heard();
        }
    }
}
