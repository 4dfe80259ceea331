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
import live.bookhub.gateway.auth.Viewer;
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
    private final GatewayProperties properties;
    private final GatewayIdentity identity;
    private final Counter slowCloses;

    Connections(Hub hub, Resumer resumer, EventHistory history, GatewayProperties properties, GatewayIdentity identity,
                MeterRegistry meters) {
        this.hub = hub;
        this.resumer = resumer;
        this.history = history;
        this.properties = properties;
        this.identity = identity;
        this.slowCloses = Counter.builder("bookhub.gateway.slow.closes")
                .description("Clients closed with 1013 because their outbox was full")
                .register(meters);
    }

    /**
     * @param lastEventId the id the client resumes after, or {@code null} for live events from now
     */
    public ClientSession open(Viewer viewer, Transport transport, List<String> topics, String lastEventId) {
        String id = UUID.randomUUID().toString();
        ClientSession session = new ClientSession(id, viewer, transport, properties.sendBufferLimit().toBytes(),
                properties.resumeBufferLimit(), this::closeSlow, hub::remove);
        hub.add(session);
        List<String> refusals = new ArrayList<>();
        topics.forEach(topic -> subscribe(session, topic).ifPresent(refusals::add));

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
        session.startAt(start);
        session.sendFrame(Frames.welcome(identity.name(), session.topics(), start));
        refusals.forEach(session::sendFrame);
        StreamId resetTo = start;
        gap.ifPresent(reason -> {
            log.info("client {} cannot resume after {}: {}", id, lastEventId, reason.reason());
            session.sendFrame(Frames.syncReset(reason.reason(), resetTo));
        });
        resumer.catchUp(session);
        log.debug("client {} opened, topics {}, from {}", id, session.topics(), start);
        return session;
    }

    /** A text frame from the client. */
    public void receive(ClientSession session, String text) {
        JsonNode frame;
        try {
            frame = EnvelopeCodec.mapper().readTree(text);
        } catch (JacksonException e) {
            session.sendFrame(Frames.error("bad_frame", "frames are JSON objects with an \"op\""));
            return;
        }
        String op = frame.path("op").asString("");
        switch (op) {
            case "ping" -> session.sendFrame(Frames.pong());
            case "subscribe", "unsubscribe" -> changeTopics(session, op, frame.path("topics"));
            default -> session.sendFrame(Frames.error("unknown_op", "unknown op \"" + abbreviate(op) + "\"; use subscribe, unsubscribe or ping"));
        }
    }

    public void closed(ClientSession session) {
        hub.remove(session);
        session.discardOutbox();
        log.debug("client {} closed at {}", session.id(), session.position());
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
    private Optional<String> subscribe(ClientSession session, String topic) {
        if (!Topics.isWellFormed(topic)) {
            return Optional.of(Frames.topicError("bad_topic", abbreviate(topic), "no such topic; topics are books, orders:<userId> and admin"));
        }
        if (!TopicRights.mayRead(session.viewer(), topic)) {
            return Optional.of(Frames.topicError("forbidden", topic, "this token may not read " + topic));
        }
        hub.subscribe(session, topic);
        return Optional.empty();
    }

    private StreamId currentEnd() {
        return history.lastId().orElse(StreamId.ZERO);
    }

    private void closeSlow(ClientSession session) {
        slowCloses.increment();
        log.warn("closing slow client {} at {}: outbox over {}", session.id(), session.position(), properties.sendBufferLimit());
        hub.remove(session);
        session.close(CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect and resume");
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
