package live.bookhub.gateway.client;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.protocol.CloseCodes;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Finds dead peers: every {@code ping-interval} each idle client gets a ping, and a WebSocket client
 * that has said nothing (not even a pong) for {@code idle-timeout} is closed. A peer that vanished
 * without a FIN would otherwise hold its place and its buffers for hours. On the same round, a client
 * whose token has expired is closed (1008): its rights ended with the token, and it comes back with a
 * fresh one and resumes.
 */
@Component
class Heartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final Hub<ClientSession> hub;
    private final GatewayProperties properties;
    private final Counter deadCloses;
    private final Counter expiredCloses;
    private final Clock clock;
    private ScheduledExecutorService timer;

    Heartbeat(Hub<ClientSession> hub, GatewayProperties properties, MeterRegistry meters, Clock clock) {
        this.hub = hub;
        this.properties = properties;
        this.clock = clock;
        this.expiredCloses = Counter.builder("bookhub.gateway.expired.closes")
                .description("Clients closed with 1008 because their token expired")
                .register(meters);
        this.deadCloses = Counter.builder("bookhub.gateway.dead.closes")
                .description("Clients closed because they did not answer pings within the idle timeout")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "heartbeat"));
        long interval = properties.pingInterval().toMillis();
        timer.scheduleWithFixedDelay(this::beat, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        long idleNanos = properties.idleTimeout().toNanos();
        long now = System.nanoTime();
        Instant wallClock = clock.instant();
        hub.forEachOnItsLoop(session -> {
            try {
                if (session.authentication().hasExpired(wallClock)) {
                    expiredCloses.increment();
                    log.debug("client {}: its token expired; closing it", session.id());
                    hub.remove(session);
                    session.close(CloseCodes.POLICY_VIOLATION, "token_expired");
                } else if (session.isSilentFor(idleNanos, now)) {
                    deadCloses.increment();
                    log.debug("client {} did not answer pings for {}: closing it", session.id(), properties.idleTimeout());
                    hub.remove(session);
                    session.close(CloseCodes.GOING_AWAY, "no answer to pings");
                } else {
                    session.ping();
                }
            } catch (RuntimeException e) {
                log.debug("heartbeat of client {} failed: {}", session.id(), e.toString());
            }
        });
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
