package live.bookhub.gateway.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.gateway.client.ClientLog;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.protocol.CloseCodes;
import live.bookhub.gateway.protocol.GatewayFrame;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a WebSocket client says once connected: the ops {@code subscribe}, {@code unsubscribe} and
 * {@code ping}, each answered with a frame; frames that are not ops get an {@code error}; a client
 * over its frame rate is closed (1008).
 */
@Component
public class ClientOps {

    private static final Logger log = LoggerFactory.getLogger(ClientOps.class);

    private final Subscriptions subscriptions;
    private final Hub<ClientSession> hub;
    private final GatewayProperties properties;
    private final Counter policyCloses;

    ClientOps(Subscriptions subscriptions, Hub<ClientSession> hub, GatewayProperties properties, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.hub = hub;
        this.properties = properties;
        this.policyCloses = Counter.builder("bookhub.gateway.policy.closes")
                .description("Clients closed with 1008 for flooding frames")
                .register(meters);
    }

    /** A whole text frame from the client. */
    public void receive(ClientSession session, String text) {
        session.heard();
        JsonNode frame;
        try {
            frame = EnvelopeCodec.mapper().readTree(text);
        } catch (JacksonException e) {
            frame = null;
        }
        if (frame == null || !frame.isObject() || !frame.path("op").isString()) {
            session.send(GatewayFrame.error("bad_frame", "frames are JSON objects with an \"op\""));
            return;
        }
        String op = frame.path("op").asString();
        switch (op) {
            case "ping" -> session.send(GatewayFrame.pong());
            case "subscribe", "unsubscribe" -> changeTopics(session, op, frame.path("topics"));
            default -> session.send(GatewayFrame.error("unknown_op",
                    "unknown op \"" + Subscriptions.abbreviate(op) + "\"; use subscribe, unsubscribe or ping"));
        }
    }

    /** A frame over {@code max-frame-size}: dropped, and the client told. */
    public void rejectOversized(ClientSession session) {
        session.heard();
        session.send(GatewayFrame.error("frame_too_large", "frames may be at most " + properties.maxFrameSize() + "; this one was dropped"));
    }

    /** A client over {@code max-client-frames-per-second}. */
    public void closeFlooding(ClientSession session) {
        policyCloses.increment();
        ClientLog.about(log.atWarn(), session).log("closing client {}: more than {} frames/s", session.id(), properties.maxClientFramesPerSecond());
        hub.remove(session);
        session.close(CloseCodes.POLICY_VIOLATION, "too many frames: at most " + properties.maxClientFramesPerSecond() + " per second");
    }

    private void changeTopics(ClientSession session, String op, JsonNode topics) {
        if (!topics.isArray() || topics.isEmpty()) {
            session.send(GatewayFrame.error("bad_frame", op + " needs \"topics\": a non-empty array of names"));
            return;
        }
        for (JsonNode topic : topics) {
            String name = topic.asString("");
            if (op.equals("subscribe")) {
                subscriptions.subscribe(session, name).ifPresent(session::send);
            } else {
                hub.unsubscribe(session, name);
            }
        }
        session.send(GatewayFrame.subscribed(session.topics()));
    }
}
