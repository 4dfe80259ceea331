package live.bookhub.gateway.client;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.protocol.CloseCodes;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Finds dead peers: every {@code ping-interval} each client gets a ping, and a WebSocket client
 * that has said nothing (not even a pong) for {@code idle-timeout} is closed. A peer that vanished
 * without a FIN would otherwise hold its place and its buffers for hours. On the same check, a client
 * whose token has expired is closed (1008): its rights ended with the token, and it comes back with a
 * fresh one and resumes.
 *
 * <p>The checks are spread over the interval, on each client's own event loop ({@link HeartbeatWheel},
 * one per loop, ticking every {@value #TICK_MILLIS} ms): a round of every client at once made a
 * latency spike for every delivery behind it.
 */
@Component
class Heartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
    static final long TICK_MILLIS = 100;
    private static final int MAX_SLOTS = 1024;

    private final Hub<ClientSession> hub;
    private final GatewayProperties properties;
    private final Counter deadCloses;
    private final Counter expiredCloses;
    private final Clock clock;
    private final ConcurrentHashMap<EventLoop, HeartbeatWheel> wheels = new ConcurrentHashMap<>();
    private volatile boolean running;

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

    /** Checks the session once per {@code ping-interval} from now on, until it is closed. */
    void watch(ClientSession session) {
        wheels.computeIfAbsent(session.eventLoop(), this::wheel).add(session);
    }

    private HeartbeatWheel wheel(EventLoop loop) {
        long interval = properties.pingInterval().toNanos();
        int slots = (int) Math.max(1, Math.min(MAX_SLOTS, interval / (TICK_MILLIS * 1_000_000)));
        return new HeartbeatWheel(loop, slots, interval / slots, this::check);
    }

    /** On the session's loop: {@code false} once it closed it. */
    private boolean check(ClientSession session) {
        if (!running) {
            return true;
        }
        try {
            if (session.authentication().hasExpired(clock.instant())) {
                expiredCloses.increment();
                log.debug("client {}: its token expired; closing it", session.id());
                hub.remove(session);
                session.close(CloseCodes.POLICY_VIOLATION, "token_expired");
                return false;
            }
            if (session.isSilentFor(properties.idleTimeout().toNanos(), System.nanoTime())) {
                deadCloses.increment();
                log.debug("client {} did not answer pings for {}: closing it", session.id(), properties.idleTimeout());
                hub.remove(session);
                session.close(CloseCodes.GOING_AWAY, "no answer to pings");
                return false;
            }
            session.ping();
        } catch (RuntimeException e) {
            log.debug("heartbeat of client {} failed: {}", session.id(), e.toString());
        }
        return true;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        wheels.values().forEach(HeartbeatWheel::stop);
        wheels.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
