package live.bookhub.gateway.feed;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.events.Topics;
import live.bookhub.gateway.filter.BookChange;
import live.bookhub.gateway.protocol.OutboundFrame;
import live.bookhub.gateway.protocol.SharedFrames;
import live.bookhub.gateway.protocol.WebSocketFrames;
import tools.jackson.databind.JsonNode;

/**
 * An envelope as the gateway forwards it: parsed once for routing, its JSON framed once and sent as
 * is to every subscriber.
 *
 * @param position       its stream id and the life of the stream it belongs to (no epoch from a stream written before epochs)
 * @param tsMillis       the envelope's {@code ts} in epoch milliseconds, 0 when it has none (for the lag metric)
 * @param webSocketFrame {@code json} as a WebSocket text frame in a direct buffer shared by every recipient
 *                       ({@link SharedFrames}): write {@code retainedDuplicate()}s of it, never modify it
 * @param book           a change to a book as filters judge it, {@code null} for any other event
 */
public record Event(StreamPosition position, String topic, String type, long tsMillis, String json, ByteBuf webSocketFrame,
                    BookChange book) implements OutboundFrame {

    /**
     * Reads the routing fields of an envelope's JSON (with its {@code id} and {@code epoch}), and what
     * filters judge; the watcher's {@code before} is cut from what clients get.
     */
    public static Event parse(String json) {
        JsonNode envelope = EnvelopeCodec.mapper().readTree(json);
        String epoch = envelope.path("epoch").isString() ? envelope.path("epoch").asString() : null;
        StreamPosition position = new StreamPosition(epoch, StreamId.parse(envelope.path("id").asString()));
        String topic = envelope.path("topic").asString("");
        String sent = envelope.has(Envelope.BEFORE_FIELD) ? BeforeValues.strip(json) : json;
        return new Event(position, topic, envelope.path("type").asString(""), Timestamps.epochMillis(envelope.path("ts").asString("")),
                sent, SharedFrames.of(WebSocketFrames.text(sent.getBytes(StandardCharsets.UTF_8))),
                topic.equals(Topics.BOOKS) ? BookChange.of(envelope) : null);
    }

    /** The same event, its WebSocket frame the one given (a slice of a page's {@link live.bookhub.gateway.protocol.FrameBlock}). */
    public Event withWebSocketFrame(ByteBuf frame) {
        return new Event(position, topic, type, tsMillis, json, frame, book);
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
