package live.bookhub.gateway.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

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
import live.bookhub.gateway.feed.StreamState;
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
 * welcome, resume) and, once its connection is gone, giving back its place. The client's frames are
 * not read before its welcome is written: a client that sends ops right after the handshake has them
 * answered after the welcome, in order.
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
     * Opens an admitted client (see {@link Admission#admit}): subscribes it and registers it for live
     * events at once; reads where the stream stands off the event loop (a Redis round trip the loop's
     * other clients must not wait for); then, on the loop, welcomes it, starts its resume, and tells
     * {@code opening}. A client that closes meanwhile is sent nothing. When the opening fails, the
     * client is closed (1011) and its place given back with its connection.
     */
    public void open(ConnectRequest request, Transport transport, Opening opening) {
        ClientSession session = sessions.create(request.authentication(), transport);
        opening.created(session);
        hub.add(session);
        List<GatewayFrame> refusals;
        try {
            refusals = subscribe(session, request);
        } catch (RuntimeException e) {
            fail(session, e);
            return;
        }
        long registered = history.ticket(); // subscribed: reads sent from now on end where its live events begin
        // Read after the client joined the hub: whatever is appended later reaches it live.
        history.stateSoon().whenComplete((stream, error) -> onItsLoop(session, () -> {
            if (session.isClosed()) {
                return; // gone meanwhile: its place went back with its connection
            }
            try {
                if (error != null) {
                    throw error instanceof RuntimeException e ? e : new IllegalStateException(error);
                }
                start(session, request.lastEventId(), stream, refusals, registered);
                opening.welcomed();
            } catch (RuntimeException e) {
                fail(session, e);
            }
        }));
    }

    /** The connection is gone, whoever ended it. */
    public void closed(ClientSession session) {
        hub.remove(session);
        session.ended();
        admission.release(session.viewer());
        ClientLog.about(log.atDebug(), session).log("client {} closed at {}", session.id(), session.position());
    }

    /** The topics and filters it asked for; what it may not have is refused with a frame for after the welcome. */
    private List<GatewayFrame> subscribe(ClientSession session, ConnectRequest request) {
        List<GatewayFrame> refusals = new ArrayList<>();
        request.topics().forEach(topic -> subscriptions.subscribe(session, topic).ifPresent(refusals::add));
        if (request.filter() != null) {
            // Before the stream is read: the replay is filtered by the same subscriptions as live events.
            List<BadFilter> badFilters = new ArrayList<>();
            filters.readConnect(request.filter(), badFilters)
                    .forEach(subscription -> subscriptions.filter(session, subscription).ifPresent(refusals::add));
            badFilters.forEach(refusal -> refusals.add(GatewayFrame.badFilter(refusal)));
        }
        return refusals;
    }

    private void start(ClientSession session, String lastEventId, StreamState stream, List<GatewayFrame> refusals, long registered) {
        String id = session.id();
        Recovery.Start start = Recovery.start(stream, lastEventId);
        if (lastEventId != null) {
            countResume(start.gap().isPresent() ? "reset" : "replay");
        }
        List<GatewayFrame> frames = new ArrayList<>();
        frames.add(GatewayFrame.welcome(identity.name(), session.topics(), session.filters(), start.position()));
        frames.addAll(refusals);
        start.gap().ifPresent(reason -> {
            ClientLog.about(log.atInfo(), session).addKeyValue("lastEventId", lastEventId)
                    .log("client {} cannot resume after {}: {}", id, lastEventId, reason.wireName());
            frames.add(GatewayFrame.syncReset(reason.wireName(), start.position()));
        });
        sessions.open(session, start.position(), frames);
        resumer.catchUp(session, start.position(), registered);
        ClientLog.about(log.atDebug(), session).log("client {} opened, topics {}, from {}", id, session.topics(), start.position());
    }

    /** Closes the client with 1011; its place goes back once its connection is gone ({@link #closed}). */
    private void fail(ClientSession session, RuntimeException e) {
        hub.remove(session);
        ClientLog.about(log.atWarn(), session).log("could not open client {}: {}", session.id(), e.toString());
        session.close(CloseCodes.SERVER_ERROR, "gateway error: reconnect and resume");
    }

    private static void onItsLoop(ClientSession session, Runnable task) {
        try {
            session.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("client {} not opened: its event loop is shut down", session.id()); // the gateway stops
        }
    }

    private void countResume(String outcome) {
        Counter.builder("bookhub.gateway.resumes")
                .description("Clients that connected with a lastEventId: replayed from the stream, or told to reset")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
