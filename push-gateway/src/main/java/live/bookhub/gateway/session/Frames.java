package live.bookhub.gateway.session;

import java.time.Instant;
import java.util.Collection;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamId;
import tools.jackson.databind.node.ObjectNode;

/** The gateway's own frames of the protocol (DESIGN.md, "Push-gateway protocol"; README's tables). */
final class Frames {

    private Frames() {
    }

    static ControlFrame welcome(String gateway, Collection<String> topics, StreamId lastEventId) {
        ObjectNode frame = frame("welcome").put("gateway", gateway);
        topics.stream().sorted().forEach(frame.putArray("topics")::add);
        return done(frame.put("lastEventId", lastEventId.toString()));
    }

    static ControlFrame error(String code, String message) {
        return done(frame("error").put("code", code).put("message", message));
    }

    static ControlFrame topicError(String code, String topic, String message) {
        return done(frame("error").put("code", code).put("topic", topic).put("message", message));
    }

    static ControlFrame syncReset(String reason, StreamId lastEventId) {
        return done(frame("sync:reset").put("reason", reason).put("lastEventId", lastEventId.toString()));
    }

    static ControlFrame pong() {
        return done(frame("pong").put("ts", Instant.now().toString()));
    }

    static ControlFrame subscribed(Collection<String> topics) {
        ObjectNode frame = frame("subscribed");
        topics.stream().sorted().forEach(frame.putArray("topics")::add);
        return done(frame);
    }

    /** SSE only: the last frame before the gateway ends the stream, saying why (the WebSocket close code's twin). */
    static ControlFrame close(int code, String reason) {
        return done(frame("close").put("code", code).put("reason", reason));
    }

    private static ObjectNode frame(String type) {
        return EnvelopeCodec.mapper().createObjectNode().put("type", type);
    }

    private static ControlFrame done(ObjectNode frame) {
        return new ControlFrame(frame.path("type").asString(), frame.toString());
    }
}
