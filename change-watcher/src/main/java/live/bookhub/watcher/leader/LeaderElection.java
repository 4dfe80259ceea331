package live.bookhub.watcher.leader;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoInterruptedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.watcher.system.FatalExit;
import live.bookhub.watcher.system.WatcherProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The lease loop, every renew interval on thread {@code leader-lease}: a standby tries to take the
 * lease; on winning a term it raises the {@link RedisFence} to the term's epoch, then tells the
 * {@link LeadershipListener}s (the change streams start, and resume after the last event appended).
 * The leader renews; when the lease was taken over, or it could not renew within its publish window,
 * it tells them it stands by. On a clean shutdown it releases the lease so that a standby takes over
 * at once.
 */
@Component
class LeaderElection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

    private final LeaseStore leases;
    private final Leadership leadership;
    private final RedisFence fence;
    private final List<LeadershipListener> listeners;
    private final WatcherProperties properties;
    private final Counter acquired;
    private final Counter errors;
    private final FatalExit fatalExit;
    private ScheduledExecutorService loop;
    private boolean failing;

    LeaderElection(LeaseStore leases, Leadership leadership, RedisFence fence, List<LeadershipListener> listeners,
                   WatcherProperties properties, MeterRegistry meters, FatalExit fatalExit) {
        this.fatalExit = fatalExit;
        this.leases = leases;
        this.leadership = leadership;
        this.fence = fence;
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.acquired = Counter.builder("bookhub.watcher.lease.acquired")
                .description("Terms this replica won: takeovers and restarts")
                .register(meters);
        this.errors = Counter.builder("bookhub.watcher.errors").tag("cause", "lease")
                .description("Failures of the watcher, by cause")
                .register(meters);
        Gauge.builder("bookhub.watcher.leader", () -> leadership.isLeading() ? 1 : 0)
                .description("1 while this replica leads (appends), 0 while it stands by")
                .register(meters);
        Gauge.builder("bookhub.watcher.lease.epoch", () -> leadership.lastSeen().map(Lease::epoch).orElse(0L))
                .description("The term of the lease as last seen")
                .register(meters);
        Gauge.builder("bookhub.watcher.lease.remaining", this::leaseRemainingSeconds)
                .description("Time until the lease as last seen expires, unless renewed (negative: expired)")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        loop = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "leader-lease"));
        loop.scheduleWithFixedDelay(this::step, 0, properties.leaseRenewInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("replica {} competing for the lease (ttl {}, renewed every {})", leadership.replica(),
                properties.leaseTtl(), properties.leaseRenewInterval());
    }

    @Override
    public synchronized void stop() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(properties.leaseRenewInterval().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
        Optional<Long> epoch = leadership.epoch();
        if (epoch.isPresent()) {
            log.info("replica {} stops leading: shutting down, releasing the lease", leadership.replica());
            stopLeading();
            try {
                leases.release(leadership.replica(), epoch.get(), Instant.now());
            } catch (RuntimeException e) {
                log.warn("could not release the lease, a standby takes over when it expires: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }

    private void step() {
        long started = System.nanoTime();
        Instant now = Instant.now();
        try {
            if (leadership.isLeading()) {
                renew(started, now);
            } else {
                compete(started, now);
            }
            if (failing) {
                log.info("lease step succeeded again");
                failing = false;
            }
        } catch (NotLeaderException e) {
            stepDown(e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof MongoInterruptedException || Thread.currentThread().isInterrupted()) {
                Thread.currentThread().interrupt(); // shutting down: the executor ends the loop
                return;
            }
            errors.increment();
            if (fatalExit.exitIfFatal(e)) {
                return;
            }
            if (!failing) {
                log.warn("lease step failed, retrying every {}: {}", properties.leaseRenewInterval(), e.toString());
                failing = true;
            }
            if (leadership.isLeading() && !leadership.mayPublish(System.nanoTime())) {
                stepDown("could not renew the lease within " + properties.publishWindow());
            }
        }
    }

    private void renew(long started, Instant now) {
        Optional<Lease> renewed = leases.renew(leadership.replica(), leadership.epoch().orElseThrow(), now);
        if (renewed.isPresent()) {
            leadership.renewed(renewed.get(), started, now);
        } else {
            stepDown("the lease was taken over");
            leases.current().ifPresent(lease -> leadership.seen(lease, now));
        }
    }

    private void compete(long started, Instant now) {
        Optional<Lease> won = leases.acquire(leadership.replica(), now);
        if (won.isEmpty()) {
            leases.current().ifPresent(lease -> leadership.seen(lease, now));
            return;
        }
        Lease lease = fenced(won.get());
        leadership.lead(lease, started, now);
        acquired.increment();
        log.info("replica {} leads in epoch {}", leadership.replica(), lease.epoch());
        listeners.forEach(listener -> listener.leading(lease.epoch()));
    }

    /**
     * Raises the Redis fence to the new term. When Redis has seen a later epoch than the lease (MongoDB
     * was restored or reset, Redis was not), the term moves on past it rather than never appending.
     */
    private Lease fenced(Lease lease) {
        long raised = fence.raise(lease.epoch());
        if (raised <= lease.epoch()) {
            return lease;
        }
        log.warn("Redis has seen epoch {}, later than the lease's {}: moving the lease on to epoch {}", raised,
                lease.epoch(), raised + 1);
        Lease advanced = leases.advance(leadership.replica(), lease.epoch(), raised + 1)
                .orElseThrow(() -> new NotLeaderException("the lease was taken over while moving it on"));
        if (fence.raise(advanced.epoch()) > advanced.epoch()) {
            throw new NotLeaderException("epoch " + advanced.epoch() + " was superseded");
        }
        return advanced;
    }

    private void stepDown(String why) {
        if (leadership.isLeading()) {
            log.warn("replica {} stops leading: {}", leadership.replica(), why);
            stopLeading();
        }
    }

    private void stopLeading() {
        leadership.standBy();
        listeners.forEach(LeadershipListener::standingBy);
    }

    private double leaseRemainingSeconds() {
        return leadership.lastSeen()
                .map(lease -> Duration.between(Instant.now(), lease.expiresAt()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }
}
