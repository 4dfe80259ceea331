package live.bookhub.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Rotating refresh tokens, one family per sign-in, in the {@code refresh_tokens} collection: a
 * document per family holds its user, the SHA-256 of the one token that is current, and its expiry
 * (a TTL index removes it after). A token is {@code <family>.<secret>}, both random; only the
 * secret's hash is stored. Each use replaces the token; presenting any other token of a live family
 * (one already rotated, so stolen or replayed) removes the family, which signs that sign-in out.
 */
@Component
public class RefreshTokens {

    static final String COLLECTION = "refresh_tokens";
    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    /** A token that was current and has been replaced by {@code next}, to hand to the client once. */
    record Rotated(String userId, String next) {
    }

    @Document(COLLECTION)
    record Family(@Id String id, String userId, String tokenHash, Instant createdAt, Instant expiresAt) {
    }

    private final MongoTemplate mongo;
    private final AuthProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(MongoTemplate mongo, AuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a family for a user who just proved who they are; the token is handed to the client once. */
    String start(String userId) {
        String family = randomText(16);
        String secret = randomText(32);
        Instant now = clock.instant();
        mongo.insert(new Family(family, userId, hash(secret), now, now.plus(properties.refreshTokenTtl())));
        return family + "." + secret;
    }

    /**
     * Replaces a current token by a new one of its family; empty when the token is unknown, expired
     * or no longer current (then the family is revoked).
     */
    Optional<Rotated> rotate(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        String family = familyOf(value);
        String presented = hash(value.substring(family.length() + 1));
        String secret = randomText(32);
        Instant now = clock.instant();
        // One conditional write: of two uses of the same token, only one finds it current.
        Family before = mongo.findAndModify(
                Query.query(where("_id").is(family).and("tokenHash").is(presented).and("expiresAt").gt(now)),
                new Update().set("tokenHash", hash(secret)).set("expiresAt", now.plus(properties.refreshTokenTtl())),
                FindAndModifyOptions.none(), Family.class);
        if (before != null) {
            return Optional.of(new Rotated(before.userId(), family + "." + secret));
        }
        Family revoked = mongo.findAndRemove(Query.query(where("_id").is(family)), Family.class);
        if (revoked != null && !revoked.tokenHash().equals(presented)) {
            log.warn("a rotated refresh token of user {} was used again: that sign-in is revoked", revoked.userId());
        }
        return Optional.empty();
    }

    /** Signs out the family of this token (logout); the user it belonged to, empty for unknown tokens. */
    Optional<String> revoke(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findAndRemove(Query.query(where("_id").is(familyOf(value))), Family.class))
                .map(Family::userId);
    }

    /** Signs out every sign-in of a user: their next refresh fails and they must log in again. */
    public long revokeAll(String userId) {
        return mongo.remove(Query.query(where("userId").is(userId)), Family.class).getDeletedCount();
    }

    private static String familyOf(String value) {
        return value.substring(0, value.indexOf('.'));
    }

    private String randomText(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64.encodeToString(buffer);
    }

    private static String hash(String secret) {
        try {
            return BASE64.encodeToString(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
