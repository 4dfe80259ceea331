package live.bookhub.gateway.connection;

import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.protocol.CloseCodes;
import live.bookhub.gateway.system.GatewayProperties;
import live.bookhub.gateway.system.Phases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown (SIGTERM), before the web server stops: refuse new clients, tell every client to go
 * with 1012 (they reconnect to another replica and resume from their last id), and wait at most
 * {@code drain-timeout} for them to leave. The clients' server then stops with nothing left to wait
 * for, so the process exits within a bounded time.
 */
@Component
class Drain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Drain.class);

    private final Hub<ClientSession> hub;
    private final Admission admission;
    private final GatewayProperties properties;
    private volatile boolean running;

    Drain(Hub<ClientSession> hub, Admission admission, GatewayProperties properties) {
        this.hub = hub;
        this.admission = admission;
        this.properties = properties;
    }

    @Override
    public void start() {
        admission.stopDraining();
        running = true;
    }

    @Override
    public void stop() {
        admission.startDraining();
        int clients = hub.size();
        log.info("draining: closing {} clients with 1012", clients);
        hub.forEachOnItsLoop(session -> session.close(CloseCodes.SERVICE_RESTART, "gateway draining: reconnect to another"));
        try {
            if (!hub.awaitEmpty(properties.drainTimeout())) {
                log.warn("draining: {} clients still open after {}; stopping anyway", hub.size(), properties.drainTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        log.info("drained");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: before the clients' server and before the live subscription. */
    @Override
    public int getPhase() {
        return Phases.DRAIN;
    }
}
