package live.bookhub.gateway.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamId;
import live.bookhub.gateway.protocol.OutboundFrame;
import live.bookhub.gateway.protocol.WebSocketFrames;
import tools.jackson.databind.JsonNode;

/**
 * An envelope as the gateway forwards it: parsed once for routing, its JSON framed once and sent as
 * is to every subscriber.
 *
 * @param tsMillis       the envelope's {@code ts} in epoch milliseconds, 0 when it has none (for the lag metric)
 * @param webSocketFrame {@code json} as a WebSocket text frame, shared by every recipient: never modify it
 */
public record Event(StreamId id, String topic, String type, long tsMillis, String json, byte[] webSocketFrame) implements OutboundFrame {

    /** Reads the routing fields of an envelope's JSON (with its {@code id}). */
    public static Event parse(String json) {
        JsonNode envelope = EnvelopeCodec.mapper().readTree(json);
        return new Event(StreamId.parse(envelope.path("id").asString()), envelope.path("topic").asString(""),
                envelope.path("type").asString(""), epochMillis(envelope.path("ts").asString("")), json,
                WebSocketFrames.text(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String eventId() {
        return id.toString();
    }

    private static long epochMillis(String ts) {
        try {
            return ts.isEmpty() ? 0 : Instant.parse(ts).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
