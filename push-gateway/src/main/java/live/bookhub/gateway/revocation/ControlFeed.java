package live.bookhub.gateway.revocation;

import java.util.Optional;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.EventType;
import live.bookhub.events.SessionRevocation;
import live.bookhub.events.StreamPosition;
import live.bookhub.events.Topics;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.feed.EventSink;
import live.bookhub.gateway.feed.HistoryGap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the live feed hands what it reads: control events ({@link Topics#CONTROL}) are the gateway's
 * own business and never reach the hub, so no client gets one; every other event goes to the hub.
 * Control events travel in the same stream as the rest, so a gateway that lost its subscription
 * reads the ones it missed with the others.
 */
@Component
class ControlFeed implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(ControlFeed.class);

    private final Hub<ClientSession> hub;
    private final Revocations revocations;

    ControlFeed(Hub<ClientSession> hub, Revocations revocations) {
        this.hub = hub;
        this.revocations = revocations;
    }

    @Override
    public void publish(Event event) {
        if (!event.topic().equals(Topics.CONTROL)) {
            hub.publish(event);
        } else if (event.type().equals(EventType.SESSION_REVOKED.wireName())) {
            revocation(event).ifPresentOrElse(revocation -> revocations.enforce(revocation, event),
                    () -> log.warn("ignored control event {}: not a revocation it understands", event.id()));
        } else if (event.type().equals(EventType.SYNC_RESET.wireName())) {
            log.warn("the watcher lost part of the users history ({}): revocations in it reach no open connection;"
                    + " their access tokens still expire", event.id());
        } else {
            log.debug("ignored control event {} of type {}", event.id(), event.type());
        }
    }

    @Override
    public void resetAll(HistoryGap reason, StreamPosition end) {
        hub.resetAll(reason, end);
    }

    private static Optional<SessionRevocation> revocation(Event event) {
        return SessionRevocation.fromData(EnvelopeCodec.mapper().readTree(event.json()).path("data"));
    }
}
