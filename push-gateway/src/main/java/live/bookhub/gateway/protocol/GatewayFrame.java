package live.bookhub.gateway.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.filter.BadFilter;
import live.bookhub.gateway.filter.BookFilter;
import tools.jackson.databind.node.ObjectNode;

/**
 * One of the gateway's own frames, as opposed to the envelopes it forwards. Each is described in
 * {@code docs/protocol.md}; {@code welcome} and {@code sync:reset} name the position the client goes
 * on from, which SSE also sends as their {@code id:}.
 *
 * @param eventId the position the frame names, {@code <epoch>:<id>}, or {@code null}
 */
public record GatewayFrame(String type, String json, byte[] webSocketFrame, String eventId) implements OutboundFrame {

    private GatewayFrame(ObjectNode frame) {
        this(frame, null);
    }

    private GatewayFrame(ObjectNode frame, StreamPosition position) {
        this(frame.path("type").asString(), frame.toString(), position);
    }

    private GatewayFrame(String type, String json, StreamPosition position) {
        this(type, json, WebSocketFrames.text(json.getBytes(StandardCharsets.UTF_8)), position == null ? null : position.toString());
    }

    /**
     * {@code epoch} is the stream's current one, absent while there is no stream; {@code subs} only
     * when the client holds filtered subscriptions.
     */
    public static GatewayFrame welcome(String gateway, Collection<String> topics, Map<String, BookFilter> filters, StreamPosition start) {
        ObjectNode frame = frame("welcome").put("gateway", gateway);
        topics.stream().sorted().forEach(frame.putArray("topics")::add);
        if (!filters.isEmpty()) {
            withSubs(frame, filters);
        }
        return new GatewayFrame(withPosition(frame, start), start);
    }

    public static GatewayFrame error(String code, String message) {
        return new GatewayFrame(frame("error").put("code", code).put("message", message));
    }

    public static GatewayFrame topicError(String code, String topic, String message) {
        return new GatewayFrame(frame("error").put("code", code).put("topic", topic).put("message", message));
    }

    /** A refused filtered subscription ({@code bad_filter}): which one, which field, why. */
    public static GatewayFrame badFilter(BadFilter refusal) {
        ObjectNode frame = frame("error").put("code", "bad_filter");
        if (refusal.sub() != null) {
            frame.put("sub", refusal.sub());
        }
        return new GatewayFrame(frame.put("field", refusal.field()).put("message", refusal.getMessage()));
    }

    public static GatewayFrame syncReset(String reason, StreamPosition end) {
        return new GatewayFrame(withPosition(frame("sync:reset").put("reason", reason), end), end);
    }

    public static GatewayFrame pong() {
        return new GatewayFrame(frame("pong").put("ts", Instant.now().toString()));
    }

    /** The topics and the filtered subscriptions (sorted by sub id, each with its filter in canonical form) now held. */
    public static GatewayFrame subscribed(Collection<String> topics, Map<String, BookFilter> filters) {
        ObjectNode frame = frame("subscribed");
        topics.stream().sorted().forEach(frame.putArray("topics")::add);
        return new GatewayFrame(withSubs(frame, filters));
    }

    private static ObjectNode withSubs(ObjectNode frame, Map<String, BookFilter> filters) {
        var subs = frame.putArray("subs");
        new TreeMap<>(filters).forEach((sub, filter) -> subs.addObject().put("sub", sub).set("filter", filter.toJson()));
        return frame;
    }

    /** SSE only: the last frame before the gateway ends the stream, saying why (the WebSocket close code's twin). */
    public static GatewayFrame close(int code, String reason) {
        return new GatewayFrame(frame("close").put("code", code).put("reason", reason));
    }

    private static ObjectNode withPosition(ObjectNode frame, StreamPosition position) {
        if (position.epoch() != null) {
            frame.put("epoch", position.epoch());
        }
        return frame.put("lastEventId", position.toString());
    }

    private static ObjectNode frame(String type) {
        return EnvelopeCodec.mapper().createObjectNode().put("type", type);
    }
}
