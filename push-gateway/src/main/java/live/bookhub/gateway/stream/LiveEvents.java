package live.bookhub.gateway.stream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import live.bookhub.events.EventStream;
import live.bookhub.gateway.session.Hub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The live copy of the event stream: one Redis pub/sub subscription per gateway, whose messages
 * arrive in publish order on Lettuce's thread and go straight to the hub, parsed once.
 */
@Component
class LiveEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final Hub hub;
    private final String redisUrl;
    private RedisClient client;
    private StatefulRedisPubSubConnection<String, String> connection;

    LiveEvents(Hub hub, @Value("${spring.data.redis.url}") String redisUrl) {
        this.hub = hub;
        this.redisUrl = redisUrl;
    }

    @Override
    public synchronized void start() {
        client = RedisClient.create(RedisURI.create(redisUrl));
        connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    hub.publish(Events.parse(message));
                } catch (RuntimeException e) {
                    log.warn("dropped a malformed message on {}: {}", channel, e.toString());
                }
            }
        });
        connection.sync().subscribe(EventStream.CHANNEL);
        log.info("subscribed to {} at {}", EventStream.CHANNEL, redisUrl);
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
}
