package live.bookhub.gateway.fanout;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.feed.EventSink;
import live.bookhub.gateway.feed.HistoryGap;
import live.bookhub.gateway.protocol.GatewayFrame;

/**
 * This replica's connected clients, indexed by topic for the fan-out and split into one shard per
 * event loop: each shard hands an event to its clients on their own loop, so every write goes
 * straight into its socket with no hand-over between threads.
 *
 * @param <S> the clients (the gateway's client sessions)
 */
public class Hub<S extends Subscriber> implements EventSink {

    private final Set<S> subscribers = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<EventLoop, HubShard<S>> shards = new ConcurrentHashMap<>();

    public Hub(MeterRegistry meters) {
        Gauge.builder("bookhub.gateway.connections", subscribers, Set::size)
                .description("Open client connections on this gateway")
                .register(meters);
    }

    public void add(S subscriber) {
        subscribers.add(subscriber);
        shards.compute(subscriber.eventLoop(), (loop, shard) -> {
            HubShard<S> joined = shard == null ? new HubShard<>(loop) : shard;
            joined.add(subscriber);
            return joined;
        });
    }

    /** Adds the topic to the subscriber's and, while it is in the hub, indexes it. */
    public void subscribe(S subscriber, String topic) {
        subscriber.topics().add(topic);
        HubShard<S> shard = shards.get(subscriber.eventLoop());
        if (shard != null) {
            shard.subscribe(subscriber, topic);
        }
    }

    public void unsubscribe(S subscriber, String topic) {
        subscriber.topics().remove(topic);
        HubShard<S> shard = shards.get(subscriber.eventLoop());
        if (shard != null) {
            shard.unsubscribe(subscriber, topic);
        }
    }

    /**
     * Hands it nothing more; a second removal does nothing. A loop's shard goes with its last client,
     * so a restarted gateway, whose loops are new, keeps no shard of a loop that was shut down.
     */
    public void remove(S subscriber) {
        if (!subscribers.remove(subscriber)) {
            return;
        }
        shards.computeIfPresent(subscriber.eventLoop(), (loop, shard) -> {
            subscriber.topics().forEach(topic -> shard.unsubscribe(subscriber, topic));
            shard.remove(subscriber);
            return shard.isEmpty() ? null : shard;
        });
        if (subscribers.isEmpty()) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public int size() {
        return subscribers.size();
    }

    /** Runs {@code action} for every client, on the client's event loop. */
    public void forEachOnItsLoop(Consumer<S> action) {
        shards.values().forEach(shard -> shard.forEach(action));
    }

    /** Waits until every client has gone, or the timeout passes; {@code true} when none is left. */
    public synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!subscribers.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Tells every client to refetch: events it should have had are gone; it continues after {@code end}. */
    @Override
    public void resetAll(HistoryGap reason, StreamPosition end) {
        GatewayFrame reset = GatewayFrame.syncReset(reason.wireName(), end);
        shards.values().forEach(shard -> shard.resetAll(reset, end));
    }

    /**
     * Hands one live event to every client whose topics it reaches, in the order of the calls (the
     * caller is the one pub/sub thread). Never blocks.
     */
    @Override
    public void publish(Event event) {
        shards.values().forEach(shard -> shard.publish(event));
    }
}
