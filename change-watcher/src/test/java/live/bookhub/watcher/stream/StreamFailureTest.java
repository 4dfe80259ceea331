package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoQueryException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import live.bookhub.watcher.envelope.ResetEnvelopes.Reason;
import live.bookhub.watcher.leader.NotLeaderException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;

class StreamFailureTest {

    @Test
    void lostHistoryAndUnknownPositionsAreAnsweredWithAReset() {
        assertThat(StreamFailure.of(serverError(286))).isEqualTo(StreamFailure.HISTORY_LOST);
        assertThat(StreamFailure.of(serverError(286)).resetReason()).isEqualTo(Reason.HISTORY_LOST);
        assertThat(StreamFailure.of(serverError(280))).isEqualTo(StreamFailure.UNKNOWN_POSITION);
        assertThat(StreamFailure.of(serverError(280)).resetReason()).isEqualTo(Reason.UNKNOWN_POSITION);
    }

    @Test
    void everythingElseIsRetriedWithoutAReset() {
        assertThat(StreamFailure.of(serverError(11600))).isEqualTo(StreamFailure.MONGODB);
        assertThat(StreamFailure.of(new MongoSocketReadException("gone", new ServerAddress()))).isEqualTo(StreamFailure.MONGODB);
        assertThat(StreamFailure.of(new RedisConnectionFailureException("gone"))).isEqualTo(StreamFailure.REDIS);
        assertThat(StreamFailure.of(new NotLeaderException("fenced"))).isEqualTo(StreamFailure.NOT_LEADER);
        assertThat(StreamFailure.of(new IllegalStateException("?"))).isEqualTo(StreamFailure.OTHER);
        assertThat(StreamFailure.of(new RedisConnectionFailureException("gone")).resetReason()).isNull();
    }

    @Test
    void anInterruptEndsTheLoop() {
        assertThat(StreamFailure.of(new MongoInterruptedException("stop", null))).isEqualTo(StreamFailure.INTERRUPTED);
    }

    private static MongoQueryException serverError(int code) {
        return new MongoQueryException(new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("errmsg", new BsonString("error " + code)), new ServerAddress());
    }
}
