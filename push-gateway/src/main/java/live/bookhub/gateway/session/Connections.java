package live.bookhub.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamId;
import live.bookhub.events.Topics;
import live.bookhub.gateway.auth.TopicRights;
import live.bookhub.gateway.stream.EventHistory;
import live.bookhub.gateway.stream.HistoryGap;
import live.bookhub.gateway.system.GatewayIdentity;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What happens to a client whatever its transport: opening (topics, rights, start position,
 * welcome, resume), its ops, and closing.
 */
@Component
public class Connections {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);

    private final Hub hub;
    private final Resumer resumer;
    private final EventHistory history;
    private final Admission admission;
    private final GatewayProperties properties;
    private final GatewayIdentity identity;
    private final DeliveryMetrics deliveries;
    private final MeterRegistry meters;
    private final Counter slowCloses;
    private final Counter policyCloses;

    Connections(Hub hub, Resumer resumer, EventHistory history, Admission admission, GatewayProperties properties,
                GatewayIdentity identity, DeliveryMetrics deliveries, MeterRegistry meters) {
        this.hub = hub;
        this.resumer = resumer;
        this.history = history;
        this.admission = admission;
        this.properties = properties;
        this.identity = identity;
        this.deliveries = deliveries;
        this.meters = meters;
        this.slowCloses = Counter.builder("bookhub.gateway.slow.closes")
                .description("Clients closed with 1013 because more than send-buffer-limit waited unsent")
                .register(meters);
        this.policyCloses = Counter.builder("bookhub.gateway.policy.closes")
                .description("Clients closed with 1008 for flooding frames")
                .register(meters);
    }

    /**
     * Opens an admitted client (see {@link Admission#admit}): subscribes, welcomes, and starts its
     * resume. When that fails, the client's place is given back and its connection closed (1011).
     */
    Optional<ClientSession> open(ConnectRequest request, Transport transport) {
        String id = UUID.randomUUID().toString();
        ClientSession session = new ClientSession(id, request.authentication(), transport, properties.sendBufferLimit().toBytes(),
                properties.resumeBufferLimit(), deliveries, this::closeSlow);
        hub.add(session);
        try {
            start(session, request);
            return Optional.of(session);
        } catch (RuntimeException e) {
            hub.remove(session);
            admission.release(session.viewer());
            ClientLog.about(log.atWarn(), session).log("could not open client {}: {}", id, e.toString());
            transport.close(CloseCodes.SERVER_ERROR, "gateway error: reconnect and resume");
            return Optional.empty();
        }
    }

    private void start(ClientSession session, ConnectRequest request) {
        String id = session.id();
        List<ControlFrame> refusals = new ArrayList<>();
        request.topics().forEach(topic -> subscribe(session, topic).ifPresent(refusals::add));

        String lastEventId = request.lastEventId();
        Optional<HistoryGap> gap = Optional.empty();
        StreamId start;
        if (lastEventId == null) {
            start = currentEnd();
        } else if (!StreamId.isValid(lastEventId)) {
            gap = Optional.of(HistoryGap.MALFORMED_ID);
            start = currentEnd();
        } else {
            gap = history.gapAfter(StreamId.parse(lastEventId));
            start = gap.isPresent() ? currentEnd() : StreamId.parse(lastEventId);
        }
        if (lastEventId != null) {
            countResume(gap.isPresent() ? "reset" : "replay");
        }
        session.startAt(start);
        session.sendFrame(Frames.welcome(identity.name(), session.topics(), start));
        refusals.forEach(session::sendFrame);
        gap.ifPresent(reason -> {
            ClientLog.about(log.atInfo(), session).addKeyValue("lastEventId", lastEventId)
                    .log("client {} cannot resume after {}: {}", id, lastEventId, reason.reason());
            session.sendFrame(Frames.syncReset(reason.reason(), start));
        });
        resumer.catchUp(session);
        ClientLog.about(log.atDebug(), session).log("client {} opened, topics {}, from {}", id, session.topics(), start);
    }

    /** A text frame from the client. */
    void receive(ClientSession session, String text) {
        session.heard();
        JsonNode frame;
        try {
            frame = EnvelopeCodec.mapper().readTree(text);
        } catch (JacksonException e) {
            frame = null;
        }
        if (frame == null || !frame.isObject() || !frame.path("op").isString()) {
            session.sendFrame(Frames.error("bad_frame", "frames are JSON objects with an \"op\""));
            return;
        }
        String op = frame.path("op").asString();
        switch (op) {
            case "ping" -> session.sendFrame(Frames.pong());
            case "subscribe", "unsubscribe" -> changeTopics(session, op, frame.path("topics"));
            default -> session.sendFrame(Frames.error("unknown_op", "unknown op \"" + abbreviate(op) + "\"; use subscribe, unsubscribe or ping"));
        }
    }

    void rejectOversized(ClientSession session) {
        session.heard();
        session.sendFrame(Frames.error("frame_too_large", "frames may be at most " + properties.maxFrameSize() + "; this one was dropped"));
    }

    void closeFlooding(ClientSession session) {
        policyCloses.increment();
        ClientLog.about(log.atWarn(), session).log("closing client {}: more than {} frames/s", session.id(), properties.maxClientFramesPerSecond());
        hub.remove(session);
        session.close(CloseCodes.POLICY_VIOLATION, "too many frames: at most " + properties.maxClientFramesPerSecond() + " per second");
    }

    /** The connection is gone, whoever ended it. */
    void closed(ClientSession session) {
        hub.remove(session);
        session.ended();
        admission.release(session.viewer());
        ClientLog.about(log.atDebug(), session).log("client {} closed at {}", session.id(), session.position());
    }

    private void changeTopics(ClientSession session, String op, JsonNode topics) {
        if (!topics.isArray() || topics.isEmpty()) {
            session.sendFrame(Frames.error("bad_frame", op + " needs \"topics\": a non-empty array of names"));
            return;
        }
        for (JsonNode topic : topics) {
            String name = topic.asString("");
            if (op.equals("subscribe")) {
                subscribe(session, name).ifPresent(session::sendFrame);
            } else {
                hub.unsubscribe(session, name);
            }
        }
        session.sendFrame(Frames.subscribed(session.topics()));
    }

    /** Subscribes when the topic exists and the viewer may read it; otherwise the error frame to send. */
    private Optional<ControlFrame> subscribe(ClientSession session, String topic) {
        if (!Topics.isWellFormed(topic)) {
            return Optional.of(Frames.topicError("bad_topic", abbreviate(topic), "no such topic; topics are books, orders:<userId> and admin"));
        }
        if (!TopicRights.mayRead(session.viewer(), topic)) {
            String rejection = session.authentication().rejection();
            return Optional.of(rejection != null
                    ? Frames.topicError("unauthorized", topic, topic + " needs a valid token: " + rejection)
                    : Frames.topicError("forbidden", topic, "this token may not read " + topic));
        }
        hub.subscribe(session, topic);
        return Optional.empty();
    }

    private StreamId currentEnd() {
        return history.lastId().orElse(StreamId.ZERO);
    }

    private void closeSlow(ClientSession session) {
        slowCloses.increment();
        ClientLog.about(log.atWarn(), session)
                .log("closing slow client {} at {}: more than {} unsent", session.id(), session.position(), properties.sendBufferLimit());
        hub.remove(session);
        session.close(CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect and resume");
    }

    private void countResume(String outcome) {
        Counter.builder("bookhub.gateway.resumes")
                .description("Clients that connected with a lastEventId: replayed from the stream, or told to reset")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
