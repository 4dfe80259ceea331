package live.bookhub.gateway.support;

import java.time.Instant;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import live.bookhub.events.EventStream;

/**
 * Appends envelopes to the stream and publishes their live copy in one script, as the watcher does
 * (without its resume-token check, which these tests do not exercise).
 */
public final class StreamPublisher implements AutoCloseable {

    private static final String APPEND = "local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'envelope', ARGV[2], 'token', 't')\n"
            + "redis.call('PUBLISH', KEYS[2], '{\"id\":\"' .. id .. '\",' .. string.sub(ARGV[2], 2))\n"
            + "return id";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    public StreamPublisher(String redisUri) {
        this.client = RedisClient.create(redisUri);
        this.connection = client.connect();
    }

    /** Appends and publishes one event; returns its stream id. */
    public String publish(String type, String topic, String dataJson) {
        String envelope = "{\"type\":\"" + type + "\",\"topic\":\"" + topic + "\",\"ts\":\"" + Instant.now()
                + "\",\"token\":\"t\",\"data\":" + dataJson + "}";
        return connection.sync().eval(APPEND, ScriptOutputType.VALUE,
                new String[] {EventStream.KEY, EventStream.CHANNEL}, String.valueOf(EventStream.DEFAULT_MAX_LENGTH), envelope);
    }

    public String book(int n) {
        return publish("book:updated", "books", "{\"id\":\"b" + n + "\",\"n\":" + n + "}");
    }

    public StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    /** Drops the gateway's pub/sub connections, as a network blip would; Lettuce reconnects them. */
    public void killPubSubClients() {
        connection.sync().clientKill(io.lettuce.core.KillArgs.Builder.typePubsub());
    }

    public List<String> streamIds() {
        return connection.sync().xrange(EventStream.KEY, io.lettuce.core.Range.create("-", "+")).stream()
                .map(io.lettuce.core.StreamMessage::getId).toList();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
