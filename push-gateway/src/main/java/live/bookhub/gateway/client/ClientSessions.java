package live.bookhub.gateway.client;

import java.util.UUID;

import live.bookhub.gateway.auth.Authentication;
import live.bookhub.gateway.system.GatewayProperties;
import org.springframework.stereotype.Component;

/** Makes a new client's session, with this gateway's send limit, resume buffer size and delivery metrics. */
@Component
public class ClientSessions {

    private final SendLimit sendLimit;
    private final DeliveryMetrics metrics;
    private final int resumeBufferLimit;

    ClientSessions(SendLimit sendLimit, DeliveryMetrics metrics, GatewayProperties properties) {
        this.sendLimit = sendLimit;
        this.metrics = metrics;
        this.resumeBufferLimit = properties.resumeBufferLimit();
    }

    /** A session with a new random id, not yet in the hub. */
    public ClientSession create(Authentication authentication, Transport transport) {
        return new ClientSession(UUID.randomUUID().toString(), authentication, transport, sendLimit, metrics, resumeBufferLimit);
    }
}
