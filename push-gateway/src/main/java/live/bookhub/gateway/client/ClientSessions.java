package live.bookhub.gateway.client;

import java.util.List;
import java.util.UUID;

import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.auth.Authentication;
import live.bookhub.gateway.protocol.OutboundFrame;
import live.bookhub.gateway.system.GatewayProperties;
import org.springframework.stereotype.Component;

/**
 * Makes a new client's session, with this gateway's send limit, resume buffer size and delivery
 * metrics, and hands it to the heartbeat once it is welcomed.
 */
@Component
public class ClientSessions {

    private final SendLimit sendLimit;
    private final DeliveryMetrics metrics;
    private final Heartbeat heartbeat;
    private final int resumeBufferLimit;

    ClientSessions(SendLimit sendLimit, DeliveryMetrics metrics, Heartbeat heartbeat, GatewayProperties properties) {
        this.sendLimit = sendLimit;
        this.metrics = metrics;
        this.heartbeat = heartbeat;
        this.resumeBufferLimit = properties.resumeBufferLimit();
    }

    /** A session with a new random id, not yet in the hub nor welcomed. */
    public ClientSession create(Authentication authentication, Transport transport) {
        return new ClientSession(UUID.randomUUID().toString(), authentication, transport, sendLimit, metrics, resumeBufferLimit);
    }

    /**
     * Welcomes the session ({@link ClientSession#open}); from then on the heartbeat checks it until it is
     * closed. One whose opening failed never joins the heartbeat.
     */
    public void open(ClientSession session, StreamPosition start, List<? extends OutboundFrame> opening) {
        session.open(start, opening);
        heartbeat.watch(session);
    }
}
