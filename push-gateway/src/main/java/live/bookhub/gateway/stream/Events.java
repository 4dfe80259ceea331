package live.bookhub.gateway.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamId;
import tools.jackson.databind.JsonNode;

/** Reads the routing fields of an envelope's JSON. */
final class Events {

    private Events() {
    }

    static Event parse(String json) {
        JsonNode envelope = EnvelopeCodec.mapper().readTree(json);
        return new Event(StreamId.parse(envelope.path("id").asString()), envelope.path("topic").asString(""),
                envelope.path("type").asString(""), epochMillis(envelope.path("ts").asString("")), json,
                WebSocketFrames.text(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static long epochMillis(String ts) {
        try {
            return ts.isEmpty() ? 0 : Instant.parse(ts).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
