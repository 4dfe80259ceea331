package live.bookhub.watcher.leader;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import live.bookhub.watcher.system.WatcherProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * This replica's standing: leader in a term, or standby; and the lease as last seen. Publishing is
 * allowed for {@code publishWindow} after the start of the last successful renewal, measured on the
 * monotonic clock: the window ends before the lease does (by one renew interval), so a leader that
 * cannot renew stops publishing before a standby may take over. Thread-safe.
 */
@Component
public class Leadership {

    /** A term this replica leads; {@code renewedAtNanos} is when its last successful renewal started. */
    private record Term(long epoch, long renewedAtNanos) {
    }

    private final String replica;
    private final long publishWindowNanos;
    private volatile Term term;
    private volatile Lease lastSeen;
    private volatile Instant lastChecked;

    @Autowired
    Leadership(WatcherProperties properties) {
        this(properties.replicaName(), properties.publishWindow());
    }

    public Leadership(String replica, Duration publishWindow) {
        this.replica = replica;
        this.publishWindowNanos = publishWindow.toNanos();
    }

    public String replica() {
        return replica;
    }

    /** Won a term with a renewal (or acquisition) that started at {@code startedNanos}. */
    void lead(Lease lease, long startedNanos, Instant now) {
        term = new Term(lease.epoch(), startedNanos);
        seen(lease, now);
    }

    /** Extended the current term. */
    void renewed(Lease lease, long startedNanos, Instant now) {
        Term current = term;
        if (current != null && current.epoch() == lease.epoch()) {
            term = new Term(lease.epoch(), Math.max(current.renewedAtNanos(), startedNanos));
        }
        seen(lease, now);
    }

    void standBy() {
        term = null;
    }

    void seen(Lease lease, Instant now) {
        lastSeen = lease;
        lastChecked = now;
    }

    public boolean isLeading() {
        return term != null;
    }

    /** Whether this replica leads and its publish window is still open. */
    public boolean mayPublish(long nowNanos) {
        Term current = term;
        return current != null && nowNanos - current.renewedAtNanos() < publishWindowNanos;
    }

    /**
     * The epoch to append with, checked against the publish window now.
     *
     * @throws NotLeaderException when this replica does not lead, or its window has closed
     */
    public long epochForPublishing() {
        return epochForPublishing(System.nanoTime());
    }

    long epochForPublishing(long nowNanos) {
        Term current = term;
        if (current == null) {
            throw new NotLeaderException(replica + " is a standby");
        }
        if (!mayPublish(nowNanos)) {
            throw new NotLeaderException(replica + " has not renewed its lease (epoch " + current.epoch()
                    + ") for " + Duration.ofNanos(nowNanos - current.renewedAtNanos()).toMillis() + " ms");
        }
        return current.epoch();
    }

    public Optional<Long> epoch() {
        Term current = term;
        return current == null ? Optional.empty() : Optional.of(current.epoch());
    }

    public Optional<Lease> lastSeen() {
        return Optional.ofNullable(lastSeen);
    }

    public Optional<Instant> lastChecked() {
        return Optional.ofNullable(lastChecked);
    }
}
