package live.bookhub.gateway.revocation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.SessionRevocation;
import live.bookhub.gateway.client.ClientLog;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.feed.EventLag;
import live.bookhub.gateway.protocol.CloseCodes;
import live.bookhub.gateway.protocol.GatewayFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Enforces a {@code session:revoked} on this gateway's connections of that user, on every event loop
 * at once and in order with the events: no event after the revocation reaches a topic the user lost.
 * A demoted user's connections lose those topics, each with an {@code error} frame ({@code revoked})
 * naming it; a disabled or deleted user's connections are closed ({@value CloseCodes#SESSION_REVOKED}).
 */
@Component
class Revocations {

    private static final Logger log = LoggerFactory.getLogger(Revocations.class);

    private final Hub<ClientSession> hub;
    private final Counter topicsDropped;
    private final Counter closed;
    private final EventLag lag;

    Revocations(Hub<ClientSession> hub, MeterRegistry meters) {
        this.hub = hub;
        this.topicsDropped = revoked(meters, "topics_dropped");
        this.closed = revoked(meters, "closed");
        this.lag = new EventLag(meters, "bookhub.gateway.revocation.lag",
                "Time from a user's change in MongoDB to a connection of that user losing topics or closed here");
    }

    void enforce(SessionRevocation revocation, Event event) {
        hub.inOrder(session -> Recheck.of(revocation, session.viewer(), session.topics())
                .ifPresent(recheck -> enforce(session, recheck, revocation, event)));
    }

    private void enforce(ClientSession session, Recheck recheck, SessionRevocation revocation, Event event) {
        if (recheck.close()) {
            closed.increment();
            ClientLog.about(log.atInfo(), session).log("client {}: user {} was {} ({}): closing it", session.id(),
                    revocation.userId(), revocation.reason().wireName(), event.id());
            hub.remove(session);
            session.close(CloseCodes.SESSION_REVOKED, "session_revoked");
        } else {
            session.lowerRightsTo(recheck.viewer());
            for (String topic : recheck.dropped()) {
                hub.unsubscribe(session, topic);
                session.send(GatewayFrame.topicError("revoked", topic, "this account may no longer read " + topic));
            }
            if (recheck.dropped().isEmpty()) {
                return;
            }
            topicsDropped.increment();
            ClientLog.about(log.atInfo(), session).log("client {}: user {} is {} now ({}): dropped {}", session.id(),
                    revocation.userId(), revocation.role(), event.id(), recheck.dropped());
        }
        lag.record(event, System.currentTimeMillis());
    }

    private static Counter revoked(MeterRegistry meters, String action) {
        return Counter.builder("bookhub.gateway.revoked.connections")
                .description("Connections whose user lost rights: topics dropped, or closed")
                .tag("action", action)
                .register(meters);
    }
}
