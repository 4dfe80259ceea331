package live.bookhub.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import live.bookhub.events.StreamId;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.stream.TopicRouting;

/**
 * The clients of one event loop. Events and resets reach them on that loop, in the order the hub got
 * them, while the loops write to their sockets side by side.
 *
 * <p>When events arrive faster than the loop fans them out, the ones waiting are handed out together
 * and each client's share goes to its socket in one write: the busier the gateway, the less each
 * delivery costs, and no event ever waits for company.
 */
final class HubShard {

    /** Events handed out together at most, so one batch never holds the loop for long. */
    private static final int MAX_BATCH = 64;

    private record Reset(ControlFrame frame, StreamId end) {
    }

    private final EventLoop loop;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Set<ClientSession>> byTopic = new ConcurrentHashMap<>();
    /** Events and resets not yet handed out, in hub order. */
    private final Queue<Object> waiting = PlatformDependent.newMpscQueue();
    private final AtomicBoolean handOutScheduled = new AtomicBoolean();
    // only touched on the loop
    private final List<ClientSession> unflushed = new ArrayList<>();

    HubShard(EventLoop loop) {
        this.loop = loop;
    }

    void add(ClientSession session) {
        sessions.add(session);
    }

    void subscribe(ClientSession session, String topic) {
        byTopic.computeIfAbsent(topic, any -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unsubscribe(ClientSession session, String topic) {
        Set<ClientSession> subscribers = byTopic.get(topic);
        if (subscribers != null) {
            subscribers.remove(session);
        }
    }

    void remove(ClientSession session) {
        sessions.remove(session);
    }

    /** Queues the event for this shard's clients; never blocks. */
    void publish(Event event) {
        enqueue(event);
    }

    /** Queues a reset for every client of this shard, in order with the events. */
    void resetAll(ControlFrame reset, StreamId end) {
        enqueue(new Reset(reset, end));
    }

    void forEach(Consumer<ClientSession> action) {
        loop.execute(() -> sessions.forEach(action));
    }

    private void enqueue(Object item) {
        waiting.add(item);
        if (handOutScheduled.compareAndSet(false, true)) {
            loop.execute(this::handOut);
        }
    }

    private void handOut() {
        // Cleared before polling: whatever is queued after the last poll schedules the next hand-out.
        handOutScheduled.set(false);
        int count = 0;
        Object next;
        while (count < MAX_BATCH && (next = waiting.poll()) != null) {
            count++;
            if (next instanceof Event event) {
                deliver(event);
            } else if (next instanceof Reset reset) {
                sessions.forEach(session -> session.resetTo(reset.frame(), reset.end()));
            }
        }
        unflushed.forEach(ClientSession::flushLive);
        unflushed.clear();
        if (!waiting.isEmpty() && handOutScheduled.compareAndSet(false, true)) {
            loop.execute(this::handOut);
        }
    }

    private void deliver(Event event) {
        if (TopicRouting.isForEveryone(event.topic())) {
            sessions.forEach(session -> offer(session, event));
            return;
        }
        for (String audience : TopicRouting.audiences(event.topic())) {
            Set<ClientSession> subscribers = byTopic.get(audience);
            if (subscribers != null) {
                subscribers.forEach(session -> offer(session, event));
            }
        }
    }

    private void offer(ClientSession session, Event event) {
        if (session.onLive(event)) {
            unflushed.add(session);
        }
    }
}
