package live.bookhub.gateway.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import live.bookhub.gateway.protocol.FrameBlock;
import live.bookhub.gateway.protocol.GatewayFrame;
import live.bookhub.gateway.protocol.OutboundFrame;

/** An SSE response: each frame is one chunk ({@code id:}, {@code event:}, {@code data:}); closing ends the response. */
final class SseTransport extends ChannelTransport {

    private static final byte[] KEEP_ALIVE = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    SseTransport(Channel channel) {
        super(channel);
    }

    @Override
    public boolean answersPings() {
        return false;
    }

    @Override
    Object encode(OutboundFrame frame) {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(text(frame)));
    }

    /** The run's events as one chunk. */
    @Override
    Object encode(FrameBlock<?> block, int from, int to) {
        StringBuilder text = new StringBuilder();
        block.frames().subList(from, to).forEach(frame -> append(text, frame));
        return new DefaultHttpContent(Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    Object keepAlive() {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(KEEP_ALIVE));
    }

    /** A {@code close} event saying why, then the end of the response; an EventSource reconnects with Last-Event-ID. */
    @Override
    Object farewell(int code, String reason) {
        return new DefaultLastHttpContent(Unpooled.wrappedBuffer(text(GatewayFrame.close(code, reason))));
    }

    private static byte[] text(OutboundFrame frame) {
        return append(new StringBuilder(frame.json().length() + 64), frame).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static StringBuilder append(StringBuilder text, OutboundFrame frame) {
        if (frame.eventId() != null) {
            text.append("id: ").append(frame.eventId()).append('\n');
        }
        text.append("event: ").append(frame.type()).append('\n');
        return text.append("data: ").append(frame.json()).append("\n\n");
    }
}
