package live.bookhub.gateway.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import live.bookhub.events.StreamPosition;
import live.bookhub.events.Topics;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.filter.BookFilter;
import live.bookhub.gateway.protocol.OutboundFrame;

/**
 * The clients of one event loop. Events, resets and other actions for every client (a re-check of
 * rights) reach them on that loop, in the order the hub got them, while the loops write to their
 * sockets side by side.
 *
 * <p>When events arrive faster than the loop fans them out, the ones waiting are handed out together
 * and each client's share goes to its socket in one write: the busier the gateway, the less each
 * delivery costs, and no event ever waits for company. A client the batch's last event writes to first
 * is flushed right after that write, so an event alone (the usual case) costs each client one pass.
 *
 * <p>An event comes with the filters the hub found selecting it; each of their groups here gets it too.
 * A client reached twice (by its topic and a filter, or by two filters) takes it once.
 */
final class HubShard<S extends Subscriber> {

    /** Events handed out together at most, so one batch never holds the loop for long. */
    private static final int MAX_BATCH = 64;

    private final EventLoop loop;
    private final Set<S> subscribers = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Set<S>> byTopic = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<BookFilter, Set<S>> byFilter = new ConcurrentHashMap<>();
    /** Events, and actions for every client, not yet handed out, in hub order. */
    private final Queue<Object> waiting = PlatformDependent.newMpscQueue();
    private final AtomicBoolean handOutScheduled = new AtomicBoolean();
    // only touched on the loop
    private final List<S> unflushed = new ArrayList<>();

    HubShard(EventLoop loop) {
        this.loop = loop;
    }

    void add(S subscriber) {
        subscribers.add(subscriber);
    }

    void subscribe(S subscriber, String topic) {
        byTopic.computeIfAbsent(topic, any -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    void unsubscribe(S subscriber, String topic) {
        Set<S> subscribed = byTopic.get(topic);
        if (subscribed != null) {
            subscribed.remove(subscriber);
        }
    }

    /** @return whether the subscriber was not in the filter's group yet */
    boolean join(S subscriber, BookFilter filter) {
        return byFilter.computeIfAbsent(filter, any -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    /** @return whether the subscriber was in the filter's group; an empty group goes */
    boolean leave(S subscriber, BookFilter filter) {
        boolean[] left = new boolean[1];
        byFilter.computeIfPresent(filter, (any, members) -> {
            left[0] = members.remove(subscriber);
            return members.isEmpty() ? null : members;
        });
        return left[0];
    }

    void remove(S subscriber) {
        subscribers.remove(subscriber);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    /** Queues the event for this shard's clients, and for the groups of the filters that select it; never blocks. */
    void publish(Event event, List<BookFilter> selecting) {
        waiting.add(selecting.isEmpty() ? event : new Filtered(event, selecting));
        scheduleHandOut();
    }

    /** Queues a reset for every client of this shard, in order with the events. */
    void resetAll(OutboundFrame reset, StreamPosition end) {
        inOrder(subscriber -> subscriber.resetTo(reset, end));
    }

    /** Queues an action for every client of this shard, run on the loop in order with the events. */
    void inOrder(Consumer<S> action) {
        waiting.add(action);
        scheduleHandOut();
    }

    void forEach(Consumer<S> action) {
        loop.execute(() -> subscribers.forEach(action));
    }

    private void scheduleHandOut() {
        if (handOutScheduled.compareAndSet(false, true)) {
            loop.execute(this::handOut);
        }
    }

    @SuppressWarnings("unchecked") // only events and actions on S are queued
    private void handOut() {
        // Cleared before polling: whatever is queued after the last poll schedules the next hand-out.
        handOutScheduled.set(false);
        int count = 0;
        Object next;
        while (count < MAX_BATCH && (next = waiting.poll()) != null) {
            count++;
            // The batch's last event: each client it reaches is flushed right after its write, while its
            // connection's state is likely still in the CPU's cache (under load, a second pass over a
            // thousand sockets took a third of the loops' samples: bench/results/lowcpu-2026-12-01.md).
            boolean last = count == MAX_BATCH || waiting.isEmpty();
            if (next instanceof Event event) {
                deliver(event, last);
            } else if (next instanceof Filtered filtered) {
                deliver(filtered.event(), last);
                deliverToGroups(filtered, last);
            } else {
                Consumer<S> action = (Consumer<S>) next;
                subscribers.forEach(subscriber -> subscriber.inTurn(() -> action.accept(subscriber)));
            }
        }
        unflushed.forEach(Subscriber::flushLive);
        unflushed.clear();
        if (!waiting.isEmpty()) {
            scheduleHandOut();
        }
    }

    private void deliver(Event event, boolean last) {
        for (String audience : TopicRouting.audiences(event.topic())) {
            Set<S> reached = audience.equals(Topics.EVERYONE) ? subscribers : byTopic.get(audience);
            if (reached != null) {
                reached.forEach(subscriber -> offer(subscriber, event, last));
            }
        }
    }

    private void deliverToGroups(Filtered filtered, boolean last) {
        for (BookFilter filter : filtered.selecting()) {
            Set<S> group = byFilter.get(filter);
            if (group != null) {
                group.forEach(subscriber -> offer(subscriber, filtered.event(), last));
            }
        }
    }

    /** A client written to first in this batch by its last event is flushed at once; the others once the batch is handed out. */
    private void offer(S subscriber, Event event, boolean last) {
        if (subscriber.onLive(event)) {
            if (last) {
                subscriber.flushLive();
            } else {
                unflushed.add(subscriber);
            }
        }
    }

    /** An event and the filters that select it. */
    private record Filtered(Event event, List<BookFilter> selecting) {
    }
}
