package live.bookhub.gateway.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.feed.HistoryGap;
import live.bookhub.gateway.filter.BookChange;
import live.bookhub.gateway.filter.BookFilter;
import live.bookhub.gateway.filter.Subscription;
import live.bookhub.gateway.protocol.GatewayFrame;

/**
 * This replica's connected clients, indexed by topic for the fan-out and split into one shard per
 * event loop: each shard hands an event to its clients on their own loop, so every write goes
 * straight into its socket with no hand-over between threads.
 *
 * <p>Filtered subscriptions are grouped by filter: clients with equal filters (canonical form) share a
 * group, and each group's filter is judged once per event, here, before the shards hand the event to
 * the groups it selects. The cost of filtering grows with the distinct filters, not with the clients.
 *
 * @param <S> the clients (the gateway's client sessions)
 */
public class Hub<S extends Subscriber> {

    private final Set<S> subscribers = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<EventLoop, HubShard<S>> shards = new ConcurrentHashMap<>();
    /** Every filter some client holds, with how many clients hold it. */
    private final ConcurrentHashMap<BookFilter, Integer> groups = new ConcurrentHashMap<>();

    public Hub(MeterRegistry meters) {
        Gauge.builder("bookhub.gateway.connections", subscribers, Set::size)
                .description("Open client connections on this gateway")
                .register(meters);
        Gauge.builder("bookhub.gateway.filter.groups", groups, ConcurrentHashMap::size)
                .description("Distinct filters held by this gateway's clients, each judged once per books event")
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
     * Adds or replaces (same sub id) one of the subscriber's filtered subscriptions and, while it is in
     * the hub, puts it in the group of its filter.
     */
    public void filter(S subscriber, Subscription subscription) {
        BookFilter old = subscriber.filters().put(subscription.sub(), subscription.filter());
        if (subscription.filter().equals(old)) {
            return;
        }
        HubShard<S> shard = shards.get(subscriber.eventLoop());
        if (shard != null && shard.join(subscriber, subscription.filter())) {
            groups.merge(subscription.filter(), 1, Integer::sum);
        }
        if (old != null) {
            leave(subscriber, old, shard);
        }
    }

    /** Ends one of the subscriber's filtered subscriptions; an unknown sub id does nothing. */
    public void unfilter(S subscriber, String sub) {
        BookFilter old = subscriber.filters().remove(sub);
        if (old != null) {
            leave(subscriber, old, shards.get(subscriber.eventLoop()));
        }
    }

    /** Takes the subscriber out of the filter's group unless another of its subscriptions has that filter. */
    private void leave(S subscriber, BookFilter filter, HubShard<S> shard) {
        if (shard != null && !subscriber.filters().containsValue(filter)) {
            release(shard, subscriber, filter);
        }
    }

    private void release(HubShard<S> shard, S subscriber, BookFilter filter) {
        if (shard.leave(subscriber, filter)) {
            groups.computeIfPresent(filter, (any, held) -> held == 1 ? null : held - 1);
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
            new HashSet<>(subscriber.filters().values()).forEach(filter -> release(shard, subscriber, filter));
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
    public void resetAll(HistoryGap reason, StreamPosition end) {
        GatewayFrame reset = GatewayFrame.syncReset(reason.wireName(), end);
        shards.values().forEach(shard -> shard.resetAll(reset, end));
    }

    /**
     * Hands one live event to every client whose topics it reaches, in the order of the calls (the
     * caller is the one pub/sub thread). Never blocks.
     */
    public void publish(Event event) {
        List<BookFilter> selecting = event.book() == null || groups.isEmpty() ? List.of() : selecting(event.book());
        shards.values().forEach(shard -> shard.publish(event, selecting));
    }

    /** The filters that select the change, each judged once whatever the number of its clients. */
    private List<BookFilter> selecting(BookChange change) {
        List<BookFilter> selecting = new ArrayList<>();
        for (BookFilter filter : groups.keySet()) {
            if (filter.selects(change)) {
                selecting.add(filter);
            }
        }
        return selecting;
    }

    /**
     * Runs {@code action} for every client, on the client's event loop, in order with the events: it
     * sees every event handed to the hub before this call, and none handed after it (a re-check of
     * rights that no later event may overtake). Never blocks.
     */
    public void inOrder(Consumer<S> action) {
        shards.values().forEach(shard -> shard.inOrder(action));
    }
}
