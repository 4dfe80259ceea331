package live.bookhub.gateway.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import live.bookhub.events.AppendScript;
import live.bookhub.events.EventStream;

/**
 * Appends envelopes to the stream and publishes their live copy with the watcher's own append script
 * ({@link AppendScript}), so the stream gets its epoch as the watcher gives it. Each publisher stands
 * for a change stream of its own, whose resume tokens it counts up.
 */
public final class StreamPublisher implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String lastTokenKey = "bookhub:watcher:last-token:test-" + UUID.randomUUID();
    private final long maxLength;
    private long tokens;

    public StreamPublisher(String redisUri) {
        this(redisUri, EventStream.DEFAULT_MAX_LENGTH);
    }

    /** A publisher whose appends keep the stream to {@code maxLength} entries, trimming as the watcher does. */
    public StreamPublisher(String redisUri, long maxLength) {
        this.client = RedisClient.create(redisUri);
        this.connection = client.connect();
        this.maxLength = maxLength;
    }

    /** Appends and publishes one event; returns its stream id. */
    public String publish(String type, String topic, String dataJson) {
        return publish(type, topic, dataJson, "");
    }

    /**
     * Appends and publishes one event with more members after {@code data} (as the watcher writes
     * {@code changed} and {@code before}: {@code "changed":["price"],"before":{…}}); returns its stream id.
     */
    public String publish(String type, String topic, String dataJson, String moreMembers) {
        String token = String.format("%020d", ++tokens);
        String envelope = "{\"type\":\"" + type + "\",\"topic\":\"" + topic + "\",\"ts\":\"" + Instant.now()
                + "\",\"token\":\"" + token + "\",\"data\":" + dataJson + (moreMembers.isEmpty() ? "" : "," + moreMembers) + "}";
        return connection.sync().eval(AppendScript.text(), ScriptOutputType.VALUE,
                new String[] {EventStream.KEY, lastTokenKey, "bookhub:watcher:epoch", EventStream.EPOCH_KEY},
                String.valueOf(maxLength), envelope, token, EventStream.CHANNEL, "1", "change",
                AppendScript.candidateEpoch());
    }

    /** The stream's current epoch, {@code null} while there is no stream. */
    public String epoch() {
        return connection.sync().hget(EventStream.EPOCH_KEY, EventStream.EPOCH_FIELD);
    }

    /** Deletes the stream, as Redis losing its data would: the next append begins it again in a new epoch. */
    public void loseTheStream() {
        connection.sync().del(EventStream.KEY);
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
