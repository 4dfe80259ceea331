package live.bookhub.watcher.leader;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import live.bookhub.watcher.system.WatcherProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code leadership} in {@code /actuator/health}: whether this replica leads or stands by, and the
 * lease as last seen. Both roles are healthy; a replica that could not check the lease for two lease
 * lengths is down, for it can neither lead nor take over.
 */
@Component
class LeadershipHealthIndicator implements HealthIndicator {

    private final Leadership leadership;
    private final Duration stale;

    LeadershipHealthIndicator(Leadership leadership, WatcherProperties properties) {
        this.leadership = leadership;
        this.stale = properties.leaseTtl().multipliedBy(2);
    }

    @Override
    public Health health() {
        Health.Builder health = leadership.lastChecked().isEmpty() ? Health.unknown()
                : leadership.lastChecked().get().plus(stale).isBefore(Instant.now()) ? Health.down() : Health.up();
        health.withDetail("replica", leadership.replica())
                .withDetail("role", leadership.isLeading() ? "leader" : "standby");
        leadership.epoch().ifPresent(epoch -> health.withDetail("epoch", epoch));
        leadership.lastSeen().ifPresent(lease -> health.withDetail("lease", Map.of(
                "holder", lease.holder(), "epoch", lease.epoch(), "expiresAt", lease.expiresAt().toString())));
        leadership.lastChecked().ifPresent(checked -> health.withDetail("leaseCheckedAt", checked.toString()));
        return health.build();
    }
}
