package live.bookhub.gateway.connection;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.auth.Viewer;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may connect: at most {@code max-connections} on this gateway and {@code max-connections-per-user}
 * for one signed-in user, and nobody once the gateway drains. Anonymous clients count only towards
 * the gateway's limit.
 */
@Component
public class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    private final GatewayProperties properties;
    private final MeterRegistry meters;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> byUser = new ConcurrentHashMap<>();
    private volatile boolean draining;

    Admission(GatewayProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    /** Takes a place for the viewer, or says why there is none; a taken place is given back by {@link #release}. */
    public Optional<Refusal> admit(Viewer viewer) {
        if (draining) {
            return refuse(Refusal.DRAINING);
        }
        if (open.incrementAndGet() > properties.maxConnections()) {
            open.decrementAndGet();
            log.warn("refused a connection: the gateway holds its limit of {} connections", properties.maxConnections());
            return refuse(Refusal.GATEWAY_FULL);
        }
        if (viewer.userId() != null) {
            AtomicInteger count = byUser.compute(viewer.userId(), (user, counted) -> {
                AtomicInteger next = counted == null ? new AtomicInteger() : counted;
                next.incrementAndGet();
                return next;
            });
            if (count.get() > properties.maxConnectionsPerUser()) {
                release(viewer);
                log.warn("refused a connection of user {}: over {} connections", viewer.userId(), properties.maxConnectionsPerUser());
                return refuse(Refusal.USER_LIMIT);
            }
        }
        return Optional.empty();
    }

    void release(Viewer viewer) {
        open.decrementAndGet();
        if (viewer.userId() != null) {
            byUser.computeIfPresent(viewer.userId(), (user, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    void startDraining() {
        draining = true;
    }

    /** A drained gateway that is started again (a test context resumed, say) lets clients in again. */
    void stopDraining() {
        draining = false;
    }

    private Optional<Refusal> refuse(Refusal refusal) {
        Counter.builder("bookhub.gateway.refusals")
                .description("Connections turned away at open, by reason")
                .tag("reason", refusal.reason())
                .register(meters)
                .increment();
        return Optional.of(refusal);
    }
}
