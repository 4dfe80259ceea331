package live.bookhub.gateway.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.protocol.CloseCodes;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The slow-client rule. A client whose socket has not taken more than {@code send-buffer-limit}
 * cannot keep up: it is closed with 1013 and its backlog dropped, so it never holds the gateway's
 * memory nor delays the clients beside it (the fan-out only ever queues into its channel). It
 * reconnects and resumes from its last id.
 */
@Component
class SendLimit {

    private static final Logger log = LoggerFactory.getLogger(SendLimit.class);

    private final GatewayProperties properties;
    private final long limitBytes;
    private final Hub<ClientSession> hub;
    private final Counter slowCloses;

    SendLimit(GatewayProperties properties, Hub<ClientSession> hub, MeterRegistry meters) {
        this.properties = properties;
        this.limitBytes = properties.sendBufferLimit().toBytes();
        this.hub = hub;
        this.slowCloses = Counter.builder("bookhub.gateway.slow.closes")
                .description("Clients closed with 1013 because more than send-buffer-limit waited unsent")
                .register(meters);
    }

    /** After every flush, with the bytes the client's socket has not taken yet. */
    void check(ClientSession session, long unsentBytes) {
        if (unsentBytes <= limitBytes) {
            return;
        }
        slowCloses.increment();
        ClientLog.about(log.atWarn(), session)
                .log("closing slow client {} at {}: more than {} unsent", session.id(), session.position(), properties.sendBufferLimit());
        hub.remove(session);
        session.close(CloseCodes.TRY_AGAIN_LATER, "too slow: reconnect and resume");
    }
}
