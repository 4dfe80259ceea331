package live.bookhub.gateway.feed;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code redisSubscription} in {@code /actuator/health}, and what readiness
 * ({@code /actuator/health/readiness}) means for a gateway: its one pub/sub subscription is active, so
 * its clients get live events. While Redis is away the gateway is not ready, and a load balancer
 * sends new clients elsewhere.
 */
@Component("redisSubscription")
class SubscriptionHealthIndicator implements HealthIndicator {

    private final LiveEvents live;

    SubscriptionHealthIndicator(LiveEvents live) {
        this.live = live;
    }

    @Override
    public Health health() {
        return (live.isActive() ? Health.up() : Health.down()).build();
    }
}
