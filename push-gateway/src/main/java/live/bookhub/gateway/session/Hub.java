package live.bookhub.gateway.session;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import live.bookhub.events.StreamId;
import live.bookhub.gateway.stream.Event;
import org.springframework.stereotype.Component;

/**
 * This replica's connected clients, indexed by topic for the fan-out and split into one shard per
 * event loop: each shard hands an event to its clients on their own loop, so every write goes
 * straight into its socket with no hand-over between threads.
 */
@Component
public class Hub {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<EventLoop, HubShard> shards = new ConcurrentHashMap<>();

    Hub(MeterRegistry meters) {
        Gauge.builder("bookhub.gateway.connections", sessions, Set::size)
                .description("Open client connections on this gateway")
                .register(meters);
    }

    void add(ClientSession session) {
        sessions.add(session);
        shard(session).add(session);
    }

    void subscribe(ClientSession session, String topic) {
        session.topics().add(topic);
        shard(session).subscribe(session, topic);
    }

    void unsubscribe(ClientSession session, String topic) {
        session.topics().remove(topic);
        shard(session).unsubscribe(session, topic);
    }

    void remove(ClientSession session) {
        if (!sessions.remove(session)) {
            return;
        }
        HubShard shard = shard(session);
        session.topics().forEach(topic -> shard.unsubscribe(session, topic));
        shard.remove(session);
        if (sessions.isEmpty()) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public int size() {
        return sessions.size();
    }

    /** Runs {@code action} for every client, on the client's event loop. */
    void forEachOnItsLoop(Consumer<ClientSession> action) {
        shards.values().forEach(shard -> shard.forEach(action));
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
        shards.values().forEach(shard -> shard.resetAll(reset, end));
    }

    /**
     * Hands one live event to every client whose topics it reaches, in the order of the calls (the
     * caller is the one pub/sub thread). Never blocks.
     */
    public void publish(Event event) {
        shards.values().forEach(shard -> shard.publish(event));
    }

    private HubShard shard(ClientSession session) {
        return shards.computeIfAbsent(session.eventLoop(), HubShard::new);
    }
}
