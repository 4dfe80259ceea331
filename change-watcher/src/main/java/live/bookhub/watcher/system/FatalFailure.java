package live.bookhub.watcher.system;

import java.util.Optional;

import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import io.lettuce.core.RedisCommandExecutionException;

/**
 * A failure that retrying cannot mend, as Debezium's error handler tells them apart: MongoDB or
 * Redis refusing the watcher's credentials or rights, or a deployment the settings point at that
 * cannot serve change streams. The watcher ends on one, saying which setting to check; every other
 * failure (a server away, a timeout, a step-down) is retried with backoff.
 *
 * @param problem what is wrong, in a few words
 * @param setting the setting to check, and what about it
 * @param detail  what the server said
 */
public record FatalFailure(String problem, String setting, String detail) {

    private static final int UNAUTHORIZED = 13;
    private static final int AUTHENTICATION_FAILED = 18;
    private static final int INVALID_NAMESPACE = 73;
    /** "The $changeStream stage is only supported on replica sets". */
    private static final int NOT_A_REPLICA_SET = 40573;

    /** The failure, when {@code failure} or one of its causes is one that retrying cannot mend. */
    public static Optional<FatalFailure> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<FatalFailure> fatal = mongo(cause);
            if (fatal.isEmpty()) {
                fatal = redis(cause);
            }
            if (fatal.isPresent()) {
                return fatal;
            }
        }
        return Optional.empty();
    }

    private FatalFailure(String problem, String setting, Throwable cause) {
        this(problem, setting, String.valueOf(cause.getMessage()));
    }

    private static Optional<FatalFailure> mongo(Throwable cause) {
        if (cause instanceof MongoSecurityException) {
            return Optional.of(mongoCredentials(cause));
        }
        if (!(cause instanceof MongoServerException server)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (server.getCode()) {
            case AUTHENTICATION_FAILED -> mongoCredentials(cause);
            case UNAUTHORIZED -> new FatalFailure("the MongoDB user may not do what the watcher needs (watch, read and write its checkpoints and lease)",
                    "the roles of spring.mongodb.uri's user: read on the watched database, readWrite for watcher_checkpoints and watcher_leases", cause);
            case INVALID_NAMESPACE -> new FatalFailure("MongoDB refused the database or collection name", "bookhub.watcher.database and bookhub.watcher.collections", cause);
            case NOT_A_REPLICA_SET -> new FatalFailure("MongoDB serves no change streams: it is not a replica set",
                    "spring.mongodb.uri: point it at a replica set (a single-node one will do)", cause);
            default -> null;
        });
    }

    private static FatalFailure mongoCredentials(Throwable cause) {
        return new FatalFailure("MongoDB refused the watcher's credentials", "spring.mongodb.uri (user, password, authSource)", cause);
    }

    private static Optional<FatalFailure> redis(Throwable cause) {
        if (!(cause instanceof RedisCommandExecutionException) || cause.getMessage() == null) {
            return Optional.empty();
        }
        String message = cause.getMessage();
        if (message.startsWith("NOAUTH") || message.startsWith("WRONGPASS")) {
            return Optional.of(new FatalFailure("Redis refused the watcher's credentials", "spring.data.redis.url (user and password)", cause));
        }
        if (message.startsWith("NOPERM")) {
            return Optional.of(new FatalFailure("the Redis user may not run what the watcher needs (EVAL, XADD, PUBLISH, GET, SET on bookhub:*)",
                    "the ACL of spring.data.redis.url's user", cause));
        }
        return Optional.empty();
    }
}
