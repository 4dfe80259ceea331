package live.bookhub.gateway.fanout;

import java.util.Map;
import java.util.Set;

import io.netty.channel.EventLoop;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.filter.BookFilter;
import live.bookhub.gateway.protocol.OutboundFrame;

/**
 * What the hub needs of a client: the event loop it lives on, its topics and filtered subscriptions,
 * and taking what the hub hands it. Every method but {@link #eventLoop()}, {@link #topics()} and
 * {@link #filters()} is called on that loop.
 */
public interface Subscriber {

    EventLoop eventLoop();

    /** The topics it reads; the hub keeps this set and its index in step. */
    Set<String> topics();

    /** Its filtered subscriptions to {@code books}, by sub id; the hub keeps this map and its groups in step. */
    Map<String, BookFilter> filters();

    /**
     * A live event the hub chose by one of its topics or filters (maybe more than once: the subscriber
     * takes it once). Written but not flushed: {@code true} asks the hub for a {@link #flushLive()},
     * right away when this is its batch's last event, else once the batch is handed out.
     */
    boolean onLive(Event event);

    /** Sends what {@link #onLive} wrote. */
    void flushLive();

    /** A reset for everyone, in order with the events: the subscriber goes on after {@code end}, maybe in another life of the stream. */
    void resetTo(OutboundFrame reset, StreamPosition end);

    /**
     * Runs one of the hub's actions for this subscriber (a reset, a re-check of rights) in order with
     * the events it is handed: at once, unless it holds them back for a while (a client not yet welcomed).
     */
    default void inTurn(Runnable action) {
        action.run();
    }
}
