package live.bookhub.gateway.session;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.StreamId;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.stream.TopicRouting;
import org.springframework.stereotype.Component;

/** This replica's connected clients, indexed by topic for the fan-out. */
@Component
public class Hub {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Set<ClientSession>> byTopic = new ConcurrentHashMap<>();

    Hub(MeterRegistry meters) {
        Gauge.builder("bookhub.gateway.connections", sessions, Set::size)
                .description("Open client connections on this gateway")
                .register(meters);
    }

    void add(ClientSession session) {
        sessions.add(session);
    }

    void subscribe(ClientSession session, String topic) {
        session.topics().add(topic);
        byTopic.computeIfAbsent(topic, any -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unsubscribe(ClientSession session, String topic) {
        session.topics().remove(topic);
        Set<ClientSession> subscribers = byTopic.get(topic);
        if (subscribers != null) {
            subscribers.remove(session);
        }
    }

    void remove(ClientSession session) {
        sessions.remove(session);
        session.topics().forEach(topic -> unsubscribe(session, topic));
        if (sessions.isEmpty()) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public int size() {
        return sessions.size();
    }

    void forEach(Consumer<ClientSession> action) {
        sessions.forEach(action);
    }

    /** Waits until every client has gone, or the timeout passes; {@code true} when none is left. */
    synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!sessions.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Tells every client to refetch: events it should have had are gone; it continues after {@code end}. */
    public void resetAll(String reason, StreamId end) {
        ControlFrame reset = Frames.syncReset(reason, end);
        sessions.forEach(session -> session.resetTo(reset, end));
    }

    /** Hands one live event to every client whose topics it reaches. Never blocks. */
    public void publish(Event event) {
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
