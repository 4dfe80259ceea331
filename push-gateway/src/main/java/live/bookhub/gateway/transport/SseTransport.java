package live.bookhub.gateway.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import live.bookhub.gateway.protocol.FrameBlock;
import live.bookhub.gateway.protocol.GatewayFrame;
import live.bookhub.gateway.protocol.OutboundFrame;
import live.bookhub.gateway.protocol.WebSocketFrames;

/** An SSE response: each frame is one chunk ({@code id:}, {@code event:}, {@code data:}); closing ends the response. */
final class SseTransport extends ChannelTransport {

    private static final byte[] KEEP_ALIVE = ": ping\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

    SseTransport(Channel channel) {
        super(channel);
    }

    @Override
    public boolean answersPings() {
        return false;
    }

    @Override
    Object encode(OutboundFrame frame) {
        return new DefaultHttpContent(record(frame));
    }

    /** The run's events as one chunk. */
    @Override
    Object encode(FrameBlock<?> block, int from, int to) {
        ByteBuf text = Unpooled.buffer();
        block.frames().subList(from, to).forEach(frame -> append(text, frame));
        return new DefaultHttpContent(text);
    }

    @Override
    Object keepAlive() {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(KEEP_ALIVE));
    }

    /** A {@code close} event saying why, then the end of the response; an EventSource reconnects with Last-Event-ID. */
    @Override
    Object farewell(int code, String reason) {
        return new DefaultLastHttpContent(record(GatewayFrame.close(code, reason)));
    }

    private static ByteBuf record(OutboundFrame frame) {
        return append(Unpooled.buffer(payload(frame).readableBytes() + 64), frame);
    }

    /** The frame's JSON is copied as bytes from its WebSocket frame: never decoded and encoded again per client. */
    private static ByteBuf append(ByteBuf text, OutboundFrame frame) {
        if (frame.eventId() != null) {
            text.writeCharSequence("id: " + frame.eventId() + "\n", StandardCharsets.UTF_8);
        }
        text.writeCharSequence("event: " + frame.type() + "\ndata: ", StandardCharsets.UTF_8);
        return text.writeBytes(payload(frame)).writeBytes(END);
    }

    private static ByteBuf payload(OutboundFrame frame) {
        return WebSocketFrames.payload(frame.webSocketFrame());
    }
}
