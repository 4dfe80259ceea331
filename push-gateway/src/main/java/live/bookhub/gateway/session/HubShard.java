package live.bookhub.gateway.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.netty.channel.EventLoop;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.stream.TopicRouting;

/**
 * The clients of one event loop. Events and resets reach them as tasks of that loop, in the order the
 * hub got them, while the loops write to their sockets side by side.
 */
final class HubShard {

    private final EventLoop loop;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Set<ClientSession>> byTopic = new ConcurrentHashMap<>();

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
        loop.execute(() -> deliver(event));
    }

    void forEach(Consumer<ClientSession> action) {
        loop.execute(() -> sessions.forEach(action));
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
