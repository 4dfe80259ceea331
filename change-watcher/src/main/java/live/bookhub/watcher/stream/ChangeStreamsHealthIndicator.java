package live.bookhub.watcher.stream;

import java.util.Map;

import live.bookhub.watcher.leader.Leadership;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code changeStreams} in {@code /actuator/health}, and with {@code leadership} what readiness
 * ({@code /actuator/health/readiness}) means: a leader is ready once every watched collection's change
 * stream is open (from then on no write goes unseen), a standby has nothing to open.
 */
@Component("changeStreams")
class ChangeStreamsHealthIndicator implements HealthIndicator {

    private final Leadership leadership;
    private final Watchers watchers;

    ChangeStreamsHealthIndicator(Leadership leadership, Watchers watchers) {
        this.leadership = leadership;
        this.watchers = watchers;
    }

    @Override
    public Health health() {
        if (!leadership.isLeading()) {
            return Health.up().withDetail("role", "standby").build();
        }
        Map<String, Boolean> open = watchers.openStreams();
        boolean allOpen = !open.isEmpty() && !open.containsValue(false);
        Health.Builder health = allOpen ? Health.up() : Health.down();
        open.forEach((collection, isOpen) -> health.withDetail(collection, isOpen ? "open" : "closed"));
        return health.withDetail("role", "leader").build();
    }
}
