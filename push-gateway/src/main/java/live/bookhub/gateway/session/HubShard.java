package live.bookhub.gateway.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import live.bookhub.events.StreamId;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.stream.TopicRouting;

/**
 * A part of the hub's clients with its own fan-out thread: events reach the clients of one shard in
 * the order the hub got them, while the shards write to their sockets side by side.
 */
final class HubShard {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Set<ClientSession>> byTopic = new ConcurrentHashMap<>();
    private final ExecutorService fanOut;

    HubShard(int index) {
        this.fanOut = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "fan-out-" + index));
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
        fanOut.execute(() -> deliver(event));
    }

    /** Queues a reset for every client of this shard, in order with the events. */
    void resetAll(ControlFrame reset, StreamId end) {
        fanOut.execute(() -> sessions.forEach(session -> session.resetTo(reset, end)));
    }

    void shutdown() {
        fanOut.shutdownNow();
    }

    private void deliver(Event event) {
        if (TopicRouting.isForEveryone(event.topic())) {
            sessions.forEach(session -> session.onLive(event));
            return;
        }
        for (String audience : TopicRouting.audiences(event.topic())) {
            Set<ClientSession> subscribers = byTopic.get(audience);
            if (subscribers != null) {
                subscribers.forEach(session -> session.onLive(event));
            }
        }
    }
}
