package live.bookhub.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final LoginRateLimiter limiter = new LoginRateLimiter(TestAuthProperties.of(
            "login-limit.per-ip", "2", "login-limit.per-account", "2", "login-limit.window", "1m"), clock);

    @Test
    void anAddressOverItsLimitWaitsForTheRestOfTheWindow() {
        assertThat(limiter.attemptFrom("1.2.3.4")).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.attemptFrom("1.2.3.4")).isEmpty();

        assertThat(limiter.attemptFrom("1.2.3.4")).contains(Duration.ofSeconds(40));
        assertThat(limiter.attemptFrom("5.6.7.8")).isEmpty();
    }

    @Test
    void aNewWindowStartsAfreshOnceTheOldOneIsOver() {
        limiter.attemptFrom("1.2.3.4");
        limiter.attemptFrom("1.2.3.4");
        clock.advance(Duration.ofMinutes(1));

        assertThat(limiter.attemptFrom("1.2.3.4")).isEmpty();
    }

    @Test
    void anAccountIsBlockedAfterItsFailuresUntilASuccessOrTheWindowEnds() {
        limiter.failedLogin("alice");
        assertThat(limiter.blockedAccount("alice")).isEmpty();
        limiter.failedLogin("alice");

        assertThat(limiter.blockedAccount("alice")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.blockedAccount("alice")).isEmpty();

        limiter.failedLogin("alice");
        limiter.failedLogin("alice");
        limiter.succeededLogin("alice");
        assertThat(limiter.blockedAccount("alice")).isEmpty();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
