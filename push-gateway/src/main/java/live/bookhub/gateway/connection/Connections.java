package live.bookhub.gateway.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.client.ClientLog;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.client.ClientSessions;
import live.bookhub.gateway.client.Resumer;
import live.bookhub.gateway.client.Transport;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.feed.EventHistory;
import live.bookhub.gateway.feed.Recovery;
import live.bookhub.gateway.filter.BadFilter;
import live.bookhub.gateway.filter.FilterReader;
import live.bookhub.gateway.protocol.CloseCodes;
import live.bookhub.gateway.protocol.GatewayFrame;
import live.bookhub.gateway.system.GatewayIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A client's arrival and departure, whatever its transport: opening (topics, rights, start position,
 * welcome, resume) and, once its connection is gone, giving back its place.
 */
@Component
public class Connections {

    private static final Logger log = LoggerFactory.getLogger(Connections.class);

    private final ClientSessions sessions;
    private final Hub<ClientSession> hub;
    private final Subscriptions subscriptions;
    private final FilterReader filters;
    private final Resumer resumer;
    private final EventHistory history;
    private final Admission admission;
    private final GatewayIdentity identity;
    private final MeterRegistry meters;

    Connections(ClientSessions sessions, Hub<ClientSession> hub, Subscriptions subscriptions, FilterReader filters, Resumer resumer,
                EventHistory history, Admission admission, GatewayIdentity identity, MeterRegistry meters) {
        this.sessions = sessions;
        this.hub = hub;
        this.subscriptions = subscriptions;
        this.filters = filters;
        this.resumer = resumer;
        this.history = history;
        this.admission = admission;
        this.identity = identity;
        this.meters = meters;
    }

    /**
     * Opens an admitted client (see {@link Admission#admit}): subscribes, welcomes, and starts its
     * resume. When that fails, the client's place is given back and its connection closed (1011).
     */
    public Optional<ClientSession> open(ConnectRequest request, Transport transport) {
        ClientSession session = sessions.create(request.authentication(), transport);
        hub.add(session);
        try {
            start(session, request);
            return Optional.of(session);
        } catch (RuntimeException e) {
            hub.remove(session);
            admission.release(session.viewer());
            ClientLog.about(log.atWarn(), session).log("could not open client {}: {}", session.id(), e.toString());
            transport.close(CloseCodes.SERVER_ERROR, "gateway error: reconnect and resume");
            return Optional.empty();
        }
    }

    /** The connection is gone, whoever ended it. */
    public void closed(ClientSession session) {
        hub.remove(session);
        session.ended();
        admission.release(session.viewer());
        ClientLog.about(log.atDebug(), session).log("client {} closed at {}", session.id(), session.position());
    }

    private void start(ClientSession session, ConnectRequest request) {
        String id = session.id();
        List<GatewayFrame> refusals = new ArrayList<>();
        request.topics().forEach(topic -> subscriptions.subscribe(session, topic).ifPresent(refusals::add));
        if (request.filter() != null) {
            // Before the stream is read: the replay is filtered by the same subscriptions as live events.
            List<BadFilter> badFilters = new ArrayList<>();
            filters.readConnect(request.filter(), badFilters)
                    .forEach(subscription -> subscriptions.filter(session, subscription).ifPresent(refusals::add));
            badFilters.forEach(refusal -> refusals.add(GatewayFrame.badFilter(refusal)));
        }

        String lastEventId = request.lastEventId();
        // Read after the client joined the hub: whatever is appended later reaches it live.
        Recovery.Start start = Recovery.start(history.state(), lastEventId);
        if (lastEventId != null) {
            countResume(start.gap().isPresent() ? "reset" : "replay");
        }
        session.startAt(start.position());
        session.send(GatewayFrame.welcome(identity.name(), session.topics(), session.filters(), start.position()));
        refusals.forEach(session::send);
        start.gap().ifPresent(reason -> {
            ClientLog.about(log.atInfo(), session).addKeyValue("lastEventId", lastEventId)
                    .log("client {} cannot resume after {}: {}", id, lastEventId, reason.wireName());
            session.send(GatewayFrame.syncReset(reason.wireName(), start.position()));
        });
        resumer.catchUp(session);
        ClientLog.about(log.atDebug(), session).log("client {} opened, topics {}, from {}", id, session.topics(), start.position());
    }

    private void countResume(String outcome) {
        Counter.builder("bookhub.gateway.resumes")
                .description("Clients that connected with a lastEventId: replayed from the stream, or told to reset")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
