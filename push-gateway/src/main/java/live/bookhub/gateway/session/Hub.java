package live.bookhub.gateway.session;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.StreamId;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.system.GatewayProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This replica's connected clients, indexed by topic for the fan-out and split into shards that fan
 * out on their own threads (one socket write per delivery is most of the cost, and it runs on every core).
 */
@Component
public class Hub implements DisposableBean {

    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final HubShard[] shards;

    Hub(GatewayProperties properties, MeterRegistry meters) {
        int count = properties.fanOutThreads() > 0 ? properties.fanOutThreads() : Runtime.getRuntime().availableProcessors();
        this.shards = new HubShard[count];
        for (int i = 0; i < count; i++) {
            shards[i] = new HubShard(i + 1);
        }
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
        sessions.remove(session);
        session.topics().forEach(topic -> unsubscribe(session, topic));
        shard(session).remove(session);
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
        for (HubShard shard : shards) {
            shard.resetAll(reset, end);
        }
    }

    /**
     * Hands one live event to every client whose topics it reaches, in the order of the calls (the
     * caller is the one pub/sub thread). Never blocks.
     */
    public void publish(Event event) {
        for (HubShard shard : shards) {
            shard.publish(event);
        }
    }

    @Override
    public void destroy() {
        for (HubShard shard : shards) {
            shard.shutdown();
        }
    }

    private HubShard shard(ClientSession session) {
        return shards[Math.floorMod(session.id().hashCode(), shards.length)];
    }
}
