package live.bookhub.gateway.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamId;
import tools.jackson.databind.node.ObjectNode;

/**
 * One of the gateway's own frames, as opposed to the envelopes it forwards: it has no stream id.
 * Each is described in {@code docs/protocol.md}.
 */
public record GatewayFrame(String type, String json, byte[] webSocketFrame) implements OutboundFrame {

    private GatewayFrame(ObjectNode frame) {
        this(frame.path("type").asString(), frame.toString());
    }

    private GatewayFrame(String type, String json) {
        this(type, json, WebSocketFrames.text(json.getBytes(StandardCharsets.UTF_8)));
    }

    public static GatewayFrame welcome(String gateway, Collection<String> topics, StreamId lastEventId) {
        ObjectNode frame = frame("welcome").put("gateway", gateway);
        topics.stream().sorted().forEach(frame.putArray("topics")::add);
        return new GatewayFrame(frame.put("lastEventId", lastEventId.toString()));
    }

    public static GatewayFrame error(String code, String message) {
        return new GatewayFrame(frame("error").put("code", code).put("message", message));
    }

    public static GatewayFrame topicError(String code, String topic, String message) {
        return new GatewayFrame(frame("error").put("code", code).put("topic", topic).put("message", message));
    }

    public static GatewayFrame syncReset(String reason, StreamId lastEventId) {
        return new GatewayFrame(frame("sync:reset").put("reason", reason).put("lastEventId", lastEventId.toString()));
    }

    public static GatewayFrame pong() {
        return new GatewayFrame(frame("pong").put("ts", Instant.now().toString()));
    }

    public static GatewayFrame subscribed(Collection<String> topics) {
        ObjectNode frame = frame("subscribed");
        topics.stream().sorted().forEach(frame.putArray("topics")::add);
        return new GatewayFrame(frame);
    }

    /** SSE only: the last frame before the gateway ends the stream, saying why (the WebSocket close code's twin). */
    public static GatewayFrame close(int code, String reason) {
        return new GatewayFrame(frame("close").put("code", code).put("reason", reason));
    }

    @Override
    public String eventId() {
        return null;
    }

    private static ObjectNode frame(String type) {
        return EnvelopeCodec.mapper().createObjectNode().put("type", type);
    }
}
