package live.bookhub.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import live.bookhub.api.support.SharedMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** The windows of the login limits, on a clock of our own, against the embedded MongoDB. */
class LoginRateLimiterIT {

    private final MutableClock clock = new MutableClock();
    private final MongoClient client = MongoClients.create(SharedMongo.connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "bookhub");
    private final LoginRateLimiter limiter = new LoginRateLimiter(mongo, TestAuthProperties.of(
            "login-limit.per-ip", "2", "login-limit.per-account", "2", "login-limit.window", "1m"), clock);

    LoginRateLimiterIT() {
        mongo.remove(new Query(), LoginRateLimiter.COLLECTION);
    }

    @AfterEach
    void close() {
        client.close();
    }

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

    @Test
    void eachCounterExpiresWhenItsWindowEnds() {
        limiter.attemptFrom("1.2.3.4");

        assertThat(mongo.findAll(LoginRateLimiter.Counter.class)).singleElement()
                .satisfies(counter -> assertThat(counter.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1))));
    }

    private static final class MutableClock extends Clock {

        // From the wall clock's now (to BSON's milliseconds): a counter that expired in real time is the TTL
        // monitor's to delete (login_attempts has a TTL index), which could happen in the middle of a test.
        private Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

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
