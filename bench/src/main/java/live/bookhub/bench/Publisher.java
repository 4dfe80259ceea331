package live.bookhub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import live.bookhub.events.AppendScript;
import live.bookhub.events.EventStream;

/**
 * Publishes book updates exactly as the change-watcher does: its own append script (XADD to the
 * stream, PUBLISH of the live copy carrying the stream id, in one Lua step), with envelopes of the
 * same shape. Each event's sequence number is the book's {@code stock}; its {@code ts} is the
 * publish time, from which clients measure latency.
 */
final class Publisher implements AutoCloseable {

    /** What each event's {@code token} begins with; its sequence number follows, 19 digits. */
    static final String TOKEN_PREFIX = "bench";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String scriptSha;
    private long nextSeq;

    Publisher(String redisUri) {
        this.client = RedisClient.create(redisUri);
        this.connection = client.connect();
        this.scriptSha = connection.sync().scriptLoad(AppendScript.text());
    }

    long nextSeq() {
        return nextSeq;
    }

    /** Publishes at {@code perSecond} events per second for {@code duration}, paced every millisecond; returns how many. */
    int publish(int perSecond, Duration duration) {
        return publish(perSecond, duration, Publisher::bookUpdate);
    }

    /** The same, each event's envelope made from its sequence number (with {@link #token} as its token). */
    int publish(int perSecond, Duration duration, LongFunction<String> envelopes) {
        RedisAsyncCommands<String, String> redis = connection.async();
        List<RedisFuture<String>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long total = perSecond * duration.toMillis() / 1000;
        long sent = 0;
        while (sent < total) {
            long due = Math.min(total, (System.nanoTime() - start) * perSecond / 1_000_000_000L + 1);
            for (; sent < due; sent++) {
                pending.add(append(redis, nextSeq, envelopes.apply(nextSeq)));
                nextSeq++;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // pacing the load
        }
        for (RedisFuture<String> future : pending) {
            try {
                if (future.get(30, TimeUnit.SECONDS) == null) {
                    throw new IllegalStateException("the append script refused an event (token not newer)");
                }
            } catch (Exception e) {
                throw new IllegalStateException("publishing failed: " + e, e);
            }
        }
        return (int) total;
    }

    static String token(long seq) {
        return String.format("%s%019d", TOKEN_PREFIX, seq);
    }

    private static String bookUpdate(long seq) {
        return "{\"type\":\"book:updated\",\"topic\":\"books\",\"ts\":\"" + BenchClock.iso(BenchClock.nowMicros())
                + "\",\"token\":\"" + token(seq) + "\",\"data\":{\"id\":\"bench-" + seq + "\",\"title\":\"Benchmark Book\","
                + "\"author\":\"Load Generator\",\"price\":1299,\"stock\":" + seq + "},\"changed\":[\"stock\"]}";
    }

    private RedisFuture<String> append(RedisAsyncCommands<String, String> redis, long seq, String envelope) {
        return redis.evalsha(scriptSha, ScriptOutputType.VALUE,
                new String[] {EventStream.KEY, "bench:last-token", "bench:fence", EventStream.EPOCH_KEY},
                String.valueOf(EventStream.DEFAULT_MAX_LENGTH), envelope, token(seq), EventStream.CHANNEL, "1", "change",
                AppendScript.candidateEpoch());
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
