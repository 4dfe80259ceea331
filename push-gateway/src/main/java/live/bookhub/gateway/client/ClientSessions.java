package live.bookhub.gateway.client;

import java.util.UUID;

import live.bookhub.gateway.auth.Authentication;
import live.bookhub.gateway.system.GatewayProperties;
import org.springframework.stereotype.Component;

/**
 * Makes a new client's session, with this gateway's send limit, resume buffer size and delivery
 * metrics, and hands it to the heartbeat.
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

    /** A session with a new random id, not yet in the hub; the heartbeat checks it until it is closed. */
    public ClientSession create(Authentication authentication, Transport transport) {
        ClientSession session = new ClientSession(UUID.randomUUID().toString(), authentication, transport, sendLimit, metrics,
                resumeBufferLimit);
        heartbeat.watch(session);
        return session;
    }
}
