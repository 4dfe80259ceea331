package live.bookhub.api.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Fixed-window counters of login attempts per client address and of failed logins per account,
 * kept in MongoDB ({@code login_attempts}) so that every api instance counts against the same
 * limits. A window starts at its first attempt; its counter is one document, counted up by atomic
 * conditional writes, and a TTL index removes it once the window is over.
 */
@Component
class LoginRateLimiter {

    static final String COLLECTION = "login_attempts";
    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);

    @Document(COLLECTION)
    record Counter(@Id String id, int count, Instant expiresAt) {
    }

    private final MongoTemplate mongo;
    private final AuthProperties.LoginLimit limit;
    private final Clock clock;

    LoginRateLimiter(MongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.limit = properties.loginLimit();
        this.clock = clock;
    }

    /** Counts one attempt from {@code address}; the time to wait when it is over its limit. */
    Optional<Duration> attemptFrom(String address) {
        Counter attempts = count("ip:" + address);
        return attempts.count() > limit.perIp() ? Optional.of(until(attempts)) : Optional.empty();
    }

    /** The time to wait when {@code username} has had too many failed logins. */
    Optional<Duration> blockedAccount(String username) {
        Counter failures = mongo.findById("user:" + username, Counter.class);
        boolean blocked = failures != null && failures.expiresAt().isAfter(clock.instant())
                && failures.count() >= limit.perAccount();
        return blocked ? Optional.of(until(failures)) : Optional.empty();
    }

    void failedLogin(String username) {
        count("user:" + username);
    }

    void succeededLogin(String username) {
        mongo.remove(Query.query(where("_id").is("user:" + username)), Counter.class);
    }

    /** Counts one in the live window of {@code key}, starting a window when there is none. */
    private Counter count(String key) {
        while (true) {
            Instant now = clock.instant();
            Counter counted = mongo.findAndModify(Query.query(where("_id").is(key).and("expiresAt").gt(now)),
                    new Update().inc("count", 1), FindAndModifyOptions.options().returnNew(true), Counter.class);
            if (counted != null) {
                return counted;
            }
            try {
                // Over an expired counter or as a new document. When another instance started the
                // window in between, this insert collides on _id and the next round counts in it.
                return mongo.findAndModify(Query.query(where("_id").is(key).and("expiresAt").lte(now)),
                        new Update().set("count", 1).set("expiresAt", now.plus(limit.window())),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
            } catch (DuplicateKeyException e) {
                log.debug("login window {} was started by another request; counting in it", key);
            }
        }
    }

    private Duration until(Counter counter) {
        return Duration.between(clock.instant(), counter.expiresAt());
    }
}
