package live.bookhub.gateway.feed;

import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.EventStream;
import live.bookhub.events.StreamId;
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
 */
@Component
class LiveEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final EventSink sink;
    private final EventHistory history;
    private final GatewayProperties properties;
    private final String redisUrl;
    private final Counter resubscribes;
    private final Counter gapEvents;
    private RedisClient client;
    private StatefulRedisPubSubConnection<String, String> connection;
    // only touched on Lettuce's thread for this connection
    private volatile StreamId lastSeen;

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
    }

    @Override
    public synchronized void start() {
        client = RedisClient.create(RedisURI.create(redisUrl));
        connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    Event event = Event.parse(message);
                    lastSeen = event.id();
                    sink.publish(event);
                } catch (RuntimeException e) {
                    log.warn("dropped a malformed message on {}: {}", channel, e.toString());
                }
            }

            @Override
            public void subscribed(String channel, long count) {
                onSubscribed();
            }
        });
        connection.sync().subscribe(EventStream.CHANNEL);
        log.info("subscribed to {} at {}", EventStream.CHANNEL, redisUrl);
    }

    private void onSubscribed() {
        try {
            if (lastSeen == null) {
                lastSeen = history.lastId().orElse(StreamId.ZERO); // the first subscription: nothing to catch up on
                return;
            }
            resubscribes.increment();
            log.warn("live subscription is back after a Redis disconnect: reading the stream after {}", lastSeen);
            fillGap();
        } catch (RuntimeException e) {
            log.warn("could not read the stream after a resubscription (clients resume when they reconnect): {}", e.toString());
        }
    }

    private void fillGap() {
        if (history.gapAfter(lastSeen).isPresent()) {
            StreamId end = history.lastId().orElse(StreamId.ZERO);
            log.warn("the stream no longer holds everything after {}: every client resets to {}", lastSeen, end);
            sink.resetAll(HistoryGap.HISTORY_LOST, end);
            lastSeen = end;
            return;
        }
        int read = 0;
        while (true) {
            List<Event> page = history.after(lastSeen, properties.replayPageSize());
            for (Event event : page) {
                lastSeen = event.id();
                sink.publish(event);
            }
            read += page.size();
            if (page.size() < properties.replayPageSize()) {
                break;
            }
        }
        gapEvents.increment(read);
        log.info("{} events read from the stream after the resubscription, up to {}", read, lastSeen);
    }

    @Override
    public synchronized void stop() {
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
