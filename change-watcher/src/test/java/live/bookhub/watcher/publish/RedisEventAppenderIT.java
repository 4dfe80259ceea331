package live.bookhub.watcher.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.EventStream;
import live.bookhub.watcher.leader.Leadership;
import live.bookhub.watcher.leader.Leaderships;
import live.bookhub.watcher.leader.NotLeaderException;
import live.bookhub.watcher.leader.RedisFence;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

class RedisEventAppenderIT {

    private Backends backends;
    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;

    @BeforeEach
    void start() {
        backends = Backends.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1",
                java.net.URI.create(backends.redisUri()).getPort()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterEach
    void stop() {
        connections.destroy();
        backends.close();
    }

    @Test
    void aChangeReadTwiceIsAppendedOnce() {
        RedisEventAppender appender = appender(Leaderships.leading("a", 1));

        assertThat(appender.append("books", book("0000000100000001AAAAAAAA"))).isPresent();
        assertThat(appender.append("books", book("0000000100000001AAAAAAAA"))).isEmpty();
        assertThat(appender.append("books", book("0000000100000002AAAAAAAA"))).isPresent();

        assertThat(backends.events()).hasSize(2);
        assertThat(appender.lastAppendedToken("books")).contains("0000000100000002AAAAAAAA");
    }

    @Test
    void aStandbyCannotAppend() {
        RedisEventAppender appender = appender(Leaderships.standby("b"));

        assertThatThrownBy(() -> appender.append("books", book("0000000100000001AAAAAAAA")))
                .isInstanceOf(NotLeaderException.class);
        assertThat(backends.events()).isEmpty();
    }

    @Test
    void anExLeaderThatStillBelievesItLeadsCannotAppendOnceANewerTermRaisedTheFence() {
        RedisEventAppender paused = appender(Leaderships.leading("a", 1));
        RedisEventAppender successor = appender(Leaderships.leading("b", 2));
        paused.append("books", book("0000000100000001AAAAAAAA"));

        new RedisFence(redis).raise(2);

        assertThatThrownBy(() -> paused.append("books", book("0000000100000002AAAAAAAA")))
                .isInstanceOf(NotLeaderException.class).hasMessageContaining("FENCED epoch 1 is older than epoch 2");
        assertThat(successor.append("books", book("0000000100000002AAAAAAAA"))).isPresent();
        assertThat(backends.events()).extracting(event -> event.path("token").asString())
                .containsExactly("0000000100000001AAAAAAAA", "0000000100000002AAAAAAAA");
    }

    @Test
    void anAppendOfANewerTermAlsoFencesOlderOnes() {
        RedisEventAppender older = appender(Leaderships.leading("a", 1));
        appender(Leaderships.leading("b", 3)).append("orders", book("0000000100000001AAAAAAAA"));

        assertThatThrownBy(() -> older.append("books", book("0000000100000002AAAAAAAA"))).isInstanceOf(NotLeaderException.class);
        assertThat(new RedisFence(redis).raise(2)).isEqualTo(3);
    }

    @Test
    void aResetBecomesTheStreamsPositionEvenWhenItsTokenSortsFirst() {
        RedisEventAppender appender = appender(Leaderships.leading("a", 1));
        appender.append("books", book("0000000900000001AAAAAAAA"));

        Envelope reset = new Envelope(null, "sync:reset", "*", Instant.now(), "0000000100000001BBBBBBBB",
                EnvelopeCodec.mapper().createObjectNode().put("collection", "books"), null, null);
        assertThat(appender.appendReset("books", reset)).isNotNull();

        assertThat(appender.lastAppendedToken("books")).contains("0000000100000001BBBBBBBB");
        assertThat(appender.append("books", book("0000000100000002BBBBBBBB"))).isPresent();
    }

    @Test
    void theAppendThatCreatesTheStreamGivesItANewEpochAndTheLiveCopyCarriesIt() throws InterruptedException {
        RedisEventAppender appender = appender(Leaderships.leading("a", 1));
        try (LiveCopies live = new LiveCopies()) {
            String first = appender.append("books", book("0000000100000001AAAAAAAA")).orElseThrow();
            String second = appender.append("books", book("0000000100000002AAAAAAAA")).orElseThrow();

            Map<String, String> epoch = backends.redis().hgetall(EventStream.EPOCH_KEY);
            assertThat(epoch.get("epoch")).matches("[0-9a-f]{16}");
            assertThat(epoch.get("since")).isEqualTo(first);
            assertThat(live.next()).startsWith("{\"id\":\"" + first + "\",\"epoch\":\"" + epoch.get("epoch") + "\",\"type\":");
            assertThat(live.next()).startsWith("{\"id\":\"" + second + "\",\"epoch\":\"" + epoch.get("epoch") + "\",");
        }
    }

    @Test
    void aStreamRedisLostIsCreatedAgainInANewEpochThatBeginsWithItsFirstEntry() {
        RedisEventAppender appender = appender(Leaderships.leading("a", 1));
        appender.append("books", book("0000000100000001AAAAAAAA"));
        String lostEpoch = backends.redis().hget(EventStream.EPOCH_KEY, "epoch");

        backends.redis().flushall(); // as a restart without persistence would
        String first = appender.append("books", book("0000000100000002AAAAAAAA")).orElseThrow();
        appender.append("books", book("0000000100000003AAAAAAAA"));

        Map<String, String> epoch = backends.redis().hgetall(EventStream.EPOCH_KEY);
        assertThat(epoch.get("epoch")).matches("[0-9a-f]{16}").isNotEqualTo(lostEpoch);
        assertThat(epoch.get("since")).isEqualTo(first);
        assertThat(backends.events()).hasSize(2);
    }

    @Test
    void aStreamWrittenBeforeThereWereEpochsGetsOneThatCoversAllOfIt() {
        backends.redis().xadd(EventStream.KEY, Map.of("envelope", "{\"type\":\"book:created\"}", "token", "00"));
        appender(Leaderships.leading("a", 1)).append("books", book("0000000100000001AAAAAAAA"));

        assertThat(backends.redis().hget(EventStream.EPOCH_KEY, "epoch")).matches("[0-9a-f]{16}");
        assertThat(backends.redis().hget(EventStream.EPOCH_KEY, "since")).isEqualTo("0-0");
        assertThat(backends.events()).hasSize(2);
    }

    @Test
    void aBatchIsAppendedInOrderSkippingWhatWasAppendedAndEachEventIsPublishedAsItsOwnLiveCopy() throws InterruptedException {
        RedisEventAppender appender = appender(Leaderships.leading("a", 1));
        appender.append("books", book("0000000100000002AAAAAAAA"));
        try (LiveCopies live = new LiveCopies()) {
            // read again from before the last append, with a derived event between two changes
            int appended = appender.appendAll("books", List.of(book("0000000100000001AAAAAAAA"), book("0000000100000002AAAAAAAA"),
                    book("0000000100000003AAAAAAAA"), book("0000000100000003AAAAAAAA!low-stock"), book("0000000100000004AAAAAAAA")));

            List<String> tokens = List.of("0000000100000003AAAAAAAA", "0000000100000003AAAAAAAA!low-stock", "0000000100000004AAAAAAAA");
            assertThat(appended).isEqualTo(3);
            assertThat(backends.events()).extracting(event -> event.path("token").asString())
                    .containsExactly("0000000100000002AAAAAAAA", tokens.get(0), tokens.get(1), tokens.get(2));
            assertThat(appender.lastAppendedToken("books")).contains(tokens.get(2));
            String epoch = backends.redis().hget(EventStream.EPOCH_KEY, "epoch");
            List<String> ids = streamIds();
            for (int i = 0; i < tokens.size(); i++) {
                String message = live.next();
                assertThat(message).startsWith("{\"id\":\"" + ids.get(i + 1) + "\",\"epoch\":\"" + epoch + "\",\"type\":");
                assertThat(EnvelopeCodec.mapper().readTree(message).path("token").asString()).isEqualTo(tokens.get(i));
            }
            assertThat(live.isEmpty()).isTrue();
        }
    }

    @Test
    void aFencedBatchAppendsNothing() {
        RedisEventAppender paused = appender(Leaderships.leading("a", 1));
        paused.append("books", book("0000000100000001AAAAAAAA"));

        new RedisFence(redis).raise(2);

        assertThatThrownBy(() -> paused.appendAll("books", List.of(book("0000000100000002AAAAAAAA"), book("0000000100000003AAAAAAAA"))))
                .isInstanceOf(NotLeaderException.class).hasMessageContaining("FENCED epoch 1 is older than epoch 2");
        assertThat(backends.events()).hasSize(1);
        assertThat(appender(Leaderships.leading("a", 1)).lastAppendedToken("books")).contains("0000000100000001AAAAAAAA");
    }

    @Test
    void aBatchThatCreatesTheStreamGivesItOneEpochFromItsFirstEntryAndTrimsOnceAtItsEnd() throws InterruptedException {
        RedisEventAppender appender = new RedisEventAppender(redis, Leaderships.leading("a", 1), Settings.withStreamMaxLength(100),
                new SimpleMeterRegistry());
        List<Envelope> batch = IntStream.rangeClosed(1, 150).mapToObj(n -> book(String.format("00000001%016d", n))).toList();
        try (LiveCopies live = new LiveCopies()) {
            assertThat(appender.appendAll("books", batch)).isEqualTo(150);

            List<String> published = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                published.add(EnvelopeCodec.mapper().readTree(live.next()).path("id").asString());
            }
            Map<String, String> epoch = backends.redis().hgetall(EventStream.EPOCH_KEY);
            assertThat(epoch.get("since")).isEqualTo(published.get(0));
            assertThat(epoch.get("trimmed")).isEqualTo(published.get(49)); // trimmed once, back to the bound
            assertThat(streamIds()).isEqualTo(published.subList(50, 150));
        }
    }

    private List<String> streamIds() {
        return backends.redis().xrange(EventStream.KEY, Range.create("-", "+")).stream().map(StreamMessage::getId).toList();
    }

    private RedisEventAppender appender(Leadership leadership) {
        return new RedisEventAppender(redis, leadership, Settings.defaults(), new SimpleMeterRegistry());
    }

    /** The live copies published on the channel, from subscription on, each parsed. */
    private final class LiveCopies implements AutoCloseable {
        private final RedisClient client = RedisClient.create(backends.redisUri());
        private final StatefulRedisPubSubConnection<String, String> live = client.connectPubSub();
        private final BlockingQueue<String> published = new LinkedBlockingQueue<>();

        LiveCopies() {
            live.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    published.add(message);
                }
            });
            live.sync().subscribe(EventStream.CHANNEL);
        }

        String next() throws InterruptedException {
            String message = published.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a live copy within 5 s").isNotNull();
            return message;
        }

        boolean isEmpty() {
            return published.isEmpty();
        }

        @Override
        public void close() {
            live.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static Envelope book(String token) {
        return new Envelope(null, "book:created", "books", Instant.now(), token,
                EnvelopeCodec.mapper().createObjectNode().put("id", token), null, null);
    }
}
