package live.bookhub.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Fixed-window counters of login attempts per client address and of failed logins per account,
 * in memory: one api instance serves the login route. Expired windows are swept once the map
 * grows, so an address scan cannot exhaust the heap.
 */
@Component
class LoginRateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AuthProperties.LoginLimit limit;
    private final Clock clock;

    LoginRateLimiter(AuthProperties properties, Clock clock) {
        this.limit = properties.loginLimit();
        this.clock = clock;
    }

    /** Counts one attempt from {@code address}; the time to wait when it is over its limit. */
    Optional<Duration> attemptFrom(String address) {
        return count("ip:" + address, limit.perIp());
    }

    /** The time to wait when {@code username} has had too many failed logins. */
    Optional<Duration> blockedAccount(String username) {
        Window window = windows.get("user:" + username);
        Instant now = clock.instant();
        if (window == null || window.isOver(now, limit.window()) || window.count() < limit.perAccount()) {
            return Optional.empty();
        }
        return Optional.of(window.remaining(now, limit.window()));
    }

    void failedLogin(String username) {
        count("user:" + username, Integer.MAX_VALUE);
    }

    void succeededLogin(String username) {
        windows.remove("user:" + username);
    }

    private Optional<Duration> count(String key, int max) {
        Instant now = clock.instant();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> window.isOver(now, limit.window()));
        }
        Window window = windows.compute(key, (k, current) -> current == null || current.isOver(now, limit.window())
                ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
        return window.count() > max ? Optional.of(window.remaining(now, limit.window())) : Optional.empty();
    }

    private record Window(Instant start, int count) {

        boolean isOver(Instant now, Duration length) {
            return !now.isBefore(start.plus(length));
        }

        Duration remaining(Instant now, Duration length) {
            return Duration.between(now, start.plus(length));
        }
    }
}
