package live.bookhub.gateway.feed;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.filter.BookChange;
import live.bookhub.gateway.protocol.OutboundFrame;
import live.bookhub.gateway.protocol.SharedFrames;
import live.bookhub.gateway.protocol.WebSocketFrames;

/**
 * An envelope as the gateway forwards it: parsed once for routing, its JSON framed once and sent as
 * is to every subscriber.
 *
 * @param position       its stream id and the life of the stream it belongs to (no epoch from a stream written before epochs)
 * @param tsMillis       the envelope's {@code ts} in epoch milliseconds, 0 when it has none (for the lag metric)
 * @param webSocketFrame the envelope's JSON, without the watcher's {@code before}, as a WebSocket text frame in a
 *                       direct buffer shared by every recipient ({@link SharedFrames}): write {@code retainedDuplicate()}s
 *                       of it, never modify it
 * @param book           a change to a book as filters judge it, {@code null} for any other event
 */
public record Event(StreamPosition position, String topic, String type, long tsMillis, ByteBuf webSocketFrame,
                    BookChange book) implements OutboundFrame {

    /**
     * Reads the routing fields of an envelope's UTF-8 JSON (with its {@code id} and {@code epoch}), and
     * what filters judge, in one pass; the watcher's {@code before} is cut from what clients get, the
     * other bytes kept as they are.
     *
     * @throws RuntimeException when it is not one JSON object (or not UTF-8) with a stream id
     */
    public static Event parse(byte[] json) {
        return EnvelopeReader.read(json);
    }

    public static Event parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same event, its WebSocket frame the one given (a slice of a page's {@link live.bookhub.gateway.protocol.FrameBlock}). */
    public Event withWebSocketFrame(ByteBuf frame) {
        return new Event(position, topic, type, tsMillis, frame, book);
    }

    /** The JSON clients get, decoded from the frame: for SSE and the gateway's own reading of control events. */
    @Override
    public String json() {
        return WebSocketFrames.payload(webSocketFrame).toString(StandardCharsets.UTF_8);
    }

    public StreamId id() {
        return position.id();
    }

    /** {@code null} from a stream written before epochs. */
    public String epoch() {
        return position.epoch();
    }

    /** Its position, {@code <epoch>:<id>}: what an SSE client resumes from. */
    @Override
    public String eventId() {
        return position.toString();
    }
}
