package live.bookhub.gateway.feed;

import java.util.Objects;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.EventStream;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.system.GatewayProperties;
import live.bookhub.gateway.system.Phases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live copy of the event stream: one Redis pub/sub subscription per gateway, whose messages
 * arrive in publish order on Lettuce's thread and go straight to the fan-out, parsed once.
 *
 * <p>Lettuce reconnects and subscribes again by itself after the connection drops; whatever was
 * published meanwhile is lost to pub/sub. So each time the subscription is confirmed again, the
 * entries after the last id this gateway saw are read from the stream and handed to the fan-out, on
 * the same thread and before any later message, so it still sees ids in order; clients drop what
 * they already have.
 *
 * <p>A message arrives as its bytes (the channel's name as a string): they are parsed as UTF-8 JSON and
 * copied once into the frame clients get, never decoded into a {@code String} and encoded again.
 *
 * <p>Ids mean something only within one life of the stream ({@link StreamLife}): when Redis lost the
 * stream, whether seen in a new epoch on a live event or on the stream read after a resubscription,
 * every client is told to refetch ({@code sync:reset}, {@code epoch_changed}) before any event of the
 * new life reaches it.
 */
@Component
class LiveEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final EventSink sink;
    private final EventHistory history;
    private final GatewayProperties properties;
    private final String redisUrl;
    private final Counter resubscribes;
    private final Counter gapEvents;
    private final Counter newLives;
    // only touched on Lettuce's thread for this connection
    private final StreamLife life = new StreamLife();
    private RedisClient client;
    private StatefulRedisPubSubConnection<String, byte[]> connection;
    // only touched on Lettuce's thread for this connection
    private volatile StreamId lastSeen;
    /** Whether the subscription is confirmed and its connection up: what the gateway's readiness means. */
    private volatile boolean active;

    LiveEvents(EventSink sink, EventHistory history, GatewayProperties properties, MeterRegistry meters,
               @Value("${spring.data.redis.url}") String redisUrl) {
        this.sink = sink;
        this.history = history;
        this.properties = properties;
        this.redisUrl = redisUrl;
        this.resubscribes = Counter.builder("bookhub.gateway.redis.resubscribes")
                .description("Times the live subscription came back after its Redis connection dropped")
                .register(meters);
        this.gapEvents = Counter.builder("bookhub.gateway.redis.gap.events")
                .description("Events read from the stream after a resubscription because pub/sub missed them")
                .register(meters);
        this.newLives = Counter.builder("bookhub.gateway.stream.epoch.changes")
                .description("Times the stream began a new life (Redis lost it) and every client was told to refetch")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        client = RedisClient.create(RedisURI.create(redisUrl));
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> disconnected) {
                active = false;
            }
        });
        connection = client.connectPubSub(CODEC);
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                try {
                    live(Event.parse(message));
                } catch (RuntimeException e) {
                    log.warn("dropped a malformed message on {}: {}", channel, e.toString());
                }
            }

            @Override
            public void subscribed(String channel, long count) {
                onSubscribed();
                active = true;
            }
        });
        connection.sync().subscribe(EventStream.CHANNEL);
        log.info("subscribed to {} at {}", EventStream.CHANNEL, redisUrl);
    }

    private void live(Event event) {
        switch (life.of(event.epoch())) {
            case ENDED -> {
                log.debug("dropped event {} of the stream's ended epoch {}", event.id(), event.epoch());
                return;
            }
            case NEW -> {
                boolean seenBefore = life.epoch() != null;
                life.moveTo(event.epoch());
                if (seenBefore) {
                    // This is the new life's first event: clients go on from just before it, after refetching.
                    resetAll("the stream began a new life with event " + event.id(), new StreamPosition(event.epoch(), StreamId.ZERO));
                }
            }
            case CURRENT -> {
            }
        }
        lastSeen = event.id();
        sink.publish(event);
    }

    private void onSubscribed() {
        try {
            StreamState stream = history.state();
            if (lastSeen == null) {
                life.moveTo(stream.epoch()); // the first subscription: nothing to catch up on
                lastSeen = stream.end().id();
                return;
            }
            resubscribes.increment();
            log.warn("live subscription is back after a Redis disconnect: reading the stream after {}", lastSeen);
            if (!Objects.equals(stream.epoch(), life.epoch())) {
                life.moveTo(stream.epoch());
                lastSeen = stream.end().id();
                resetAll("the stream is in another life after the Redis disconnect", stream.end());
                return;
            }
            fillGap(stream);
        } catch (RuntimeException e) {
            log.warn("could not read the stream after a resubscription (clients resume when they reconnect): {}", e.toString());
        }
    }

    private void fillGap(StreamState stream) {
        if (Recovery.gapAfter(stream, new StreamPosition(stream.epoch(), lastSeen)).isPresent()) {
            log.warn("the stream no longer holds everything after {}: every client resets to {}", lastSeen, stream.end());
            sink.resetAll(HistoryGap.HISTORY_LOST, stream.end());
            lastSeen = stream.end().id();
            return;
        }
        int read = 0;
        while (true) {
            EventHistory.Page page = history.after(new StreamPosition(life.epoch(), lastSeen), properties.replayPageSize());
            if (!Objects.equals(page.stream().epoch(), life.epoch())) {
                life.moveTo(page.stream().epoch());
                lastSeen = page.stream().end().id();
                resetAll("the stream began a new life while this gateway read what it missed", page.stream().end());
                return;
            }
            page.events().forEach(sink::publish);
            if (page.lastRead() != null) {
                lastSeen = page.lastRead();
            }
            read += page.read();
            if (page.read() < properties.replayPageSize()) {
                break;
            }
        }
        gapEvents.increment(read);
        log.info("{} events read from the stream after the resubscription, up to {}", read, lastSeen);
    }

    private void resetAll(String why, StreamPosition end) {
        newLives.increment();
        log.warn("{} ({}): every client refetches and goes on after {}", why,
                life.epoch() == null ? "no stream yet" : "epoch " + life.epoch(), end);
        sink.resetAll(HistoryGap.EPOCH_CHANGED, end);
    }

    /** Whether live events flow: subscribed, on a connection that is up. */
    boolean isActive() {
        return active;
    }

    @Override
    public synchronized void stop() {
        active = false;
        if (connection != null) {
            connection.close();
            client.shutdown();
            connection = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return connection != null;
    }

    @Override
    public int getPhase() {
        return Phases.LIVE_EVENTS;
    }
}
