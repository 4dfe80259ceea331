package live.bookhub.gateway.session;

import java.time.Instant;
import java.util.Collection;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamId;
import tools.jackson.databind.node.ObjectNode;

/** The gateway's own frames of the WebSocket protocol (DESIGN.md, "Push-gateway protocol"). */
final class Frames {

    private Frames() {
    }

    static String welcome(String gateway, Collection<String> topics, StreamId lastEventId) {
        ObjectNode frame = frame("welcome").put("gateway", gateway);
        topics.stream().sorted().forEach(frame.putArray("topics")::add);
        return frame.put("lastEventId", lastEventId.toString()).toString();
    }

    static String error(String code, String message) {
        return frame("error").put("code", code).put("message", message).toString();
    }

    static String topicError(String code, String topic, String message) {
        return frame("error").put("code", code).put("topic", topic).put("message", message).toString();
    }

    static String syncReset(String reason, StreamId lastEventId) {
        return frame("sync:reset").put("reason", reason).put("lastEventId", lastEventId.toString()).toString();
    }

    static String pong() {
        return frame("pong").put("ts", Instant.now().toString()).toString();
    }

    static String subscribed(Collection<String> topics) {
        ObjectNode frame = frame("subscribed");
        topics.stream().sorted().forEach(frame.putArray("topics")::add);
        return frame.toString();
    }

    private static ObjectNode frame(String type) {
        return EnvelopeCodec.mapper().createObjectNode().put("type", type);
    }
}
