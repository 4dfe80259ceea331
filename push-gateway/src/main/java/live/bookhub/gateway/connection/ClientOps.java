package live.bookhub.gateway.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.Topics;
import live.bookhub.gateway.client.ClientLog;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.filter.BadFilter;
import live.bookhub.gateway.filter.FilterReader;
import live.bookhub.gateway.filter.Subscription;
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
 * over its frame rate is closed (1008). A {@code subscribe} with a {@code filter} or a {@code sub}
 * adds (or replaces) a filtered subscription to {@code books}; an {@code unsubscribe} with a
 * {@code sub} ends one.
 */
@Component
public class ClientOps {

    private static final Logger log = LoggerFactory.getLogger(ClientOps.class);

    private final Subscriptions subscriptions;
    private final FilterReader filters;
    private final Hub<ClientSession> hub;
    private final GatewayProperties properties;
    private final Counter policyCloses;

    ClientOps(Subscriptions subscriptions, FilterReader filters, Hub<ClientSession> hub, GatewayProperties properties, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.filters = filters;
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
            case "subscribe", "unsubscribe" -> {
                if (frame.has("sub") || frame.has("filter")) {
                    changeFiltered(session, op, frame);
                } else {
                    changeTopics(session, op, frame.path("topics"));
                }
            }
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
        session.send(GatewayFrame.subscribed(session.topics(), session.filters()));
    }

    /** A filtered subscription: only to {@code books}; a subscribe without {@code sub} uses the id {@code books}. */
    private void changeFiltered(ClientSession session, String op, JsonNode frame) {
        JsonNode sub = frame.path("sub");
        String subId = sub.isMissingNode() ? Subscription.DEFAULT_SUB : sub.isString() ? sub.asString() : null;
        try {
            JsonNode topics = frame.path("topics");
            if (!topics.isMissingNode() && !(topics.isArray() && topics.size() == 1 && Topics.BOOKS.equals(topics.get(0).asString(null)))) {
                throw new BadFilter(subId, "topics", "a filtered subscription is to topics [\"books\"] only");
            }
            if (op.equals("subscribe")) {
                JsonNode filter = frame.has("filter") ? frame.get("filter") : EnvelopeCodec.mapper().createObjectNode();
                subscriptions.filter(session, filters.read(subId, filter)).ifPresent(session::send);
            } else if (subId != null) {
                hub.unfilter(session, subId);
            } else {
                throw new BadFilter(null, "sub", "unsubscribe names the sub id of a filtered subscription");
            }
        } catch (BadFilter refusal) {
            ClientLog.about(log.atDebug(), session).log("client {} refused filtered subscription {} ({}): {}", session.id(),
                    refusal.sub(), refusal.field(), refusal.getMessage());
            session.send(GatewayFrame.badFilter(refusal));
        }
        session.send(GatewayFrame.subscribed(session.topics(), session.filters()));
    }
}
