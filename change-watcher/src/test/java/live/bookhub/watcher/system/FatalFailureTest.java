package live.bookhub.watcher.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

class FatalFailureTest {

    @Test
    void refusedCredentialsAndRightsAreFatalAndNameTheSettingToCheck() {
        assertThat(FatalFailure.of(new MongoSecurityException(MongoCredential.createCredential("u", "admin", "p".toCharArray()), "auth failed")))
                .hasValueSatisfying(fatal -> assertThat(fatal.setting()).contains("spring.mongodb.uri"));
        assertThat(FatalFailure.of(mongoError(13, "not authorized on bookhub to execute command")))
                .hasValueSatisfying(fatal -> assertThat(fatal.setting()).contains("roles"));
        assertThat(FatalFailure.of(mongoError(40573, "The $changeStream stage is only supported on replica sets")))
                .hasValueSatisfying(fatal -> assertThat(fatal.problem()).contains("not a replica set"));
        assertThat(FatalFailure.of(new RedisSystemException("failed", new RedisCommandExecutionException("NOAUTH Authentication required."))))
                .hasValueSatisfying(fatal -> assertThat(fatal.setting()).contains("spring.data.redis.url"));
        assertThat(FatalFailure.of(new RedisSystemException("failed", new RedisCommandExecutionException("NOPERM no permissions"))))
                .hasValueSatisfying(fatal -> assertThat(fatal.setting()).contains("ACL"));
    }

    @Test
    void aRefusalDeepInTheCausesIsFoundThere() {
        RedisConnectionException handshake = new RedisConnectionException("Unable to connect",
                new RedisCommandExecutionException("WRONGPASS invalid username-password pair or user is disabled."));
        assertThat(FatalFailure.of(new RedisConnectionFailureException("Unable to connect to Redis", handshake))).isPresent();
    }

    @Test
    void serversAwayTimeoutsAndOtherErrorsAreRetried() {
        assertThat(FatalFailure.of(new RedisConnectionFailureException("Unable to connect to Redis", new RedisConnectionException("refused")))).isEmpty();
        assertThat(FatalFailure.of(new MongoTimeoutException("Timed out while waiting for a server"))).isEmpty();
        assertThat(FatalFailure.of(new MongoSocketOpenException("refused", new ServerAddress()))).isEmpty();
        assertThat(FatalFailure.of(mongoError(91, "ShutdownInProgress"))).isEmpty();
        assertThat(FatalFailure.of(new RedisSystemException("failed", new RedisCommandExecutionException("BUSY Redis is busy running a script")))).isEmpty();
        assertThat(FatalFailure.of(new IllegalStateException("something else"))).isEmpty();
    }

    private static MongoCommandException mongoError(int code, String message) {
        return new MongoCommandException(new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("errmsg", new BsonString(message)), new ServerAddress());
    }
}
