package live.bookhub.gateway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One event loop's heartbeat: its sessions spread at random over the slots of one ping interval, and
 * each tick checks the next slot's. Every session is still checked once per interval, but a loop
 * pings a few dozen clients at a time instead of its whole population at once (whose pings, and the
 * pongs coming back together, held every delivery behind them). Used only on its loop.
 */
final class HeartbeatWheel {

    private final EventLoop loop;
    private final List<List<ClientSession>> slots;
    /** Checks a session; {@code false} once it is closed and leaves the wheel. */
    private final Predicate<ClientSession> check;
    private final ScheduledFuture<?> ticks;
    private int cursor;

    HeartbeatWheel(EventLoop loop, int slotCount, long tickNanos, Predicate<ClientSession> check) {
        this.loop = loop;
        this.check = check;
        this.slots = new ArrayList<>(slotCount);
        for (int i = 0; i < slotCount; i++) {
            slots.add(new ArrayList<>());
        }
        this.ticks = loop.scheduleAtFixedRate(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
    }

    /** Adds the session at a random place in the interval; from any thread. */
    void add(ClientSession session) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> add(session));
            return;
        }
        int offset = 1 + ThreadLocalRandom.current().nextInt(slots.size());
        slots.get((cursor + offset) % slots.size()).add(session);
    }

    void stop() {
        ticks.cancel(false);
    }

    private void tick() {
        cursor = (cursor + 1) % slots.size();
        slots.get(cursor).removeIf(session -> session.isClosed() || !check.test(session));
    }
}
