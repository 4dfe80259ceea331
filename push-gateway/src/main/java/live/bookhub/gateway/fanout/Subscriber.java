package live.bookhub.gateway.fanout;

import java.util.Set;

import io.netty.channel.EventLoop;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.protocol.OutboundFrame;

/**
 * What the hub needs of a client: the event loop it lives on, its topics, and taking what the hub
 * hands it. Every method but {@link #eventLoop()} and {@link #topics()} is called on that loop.
 */
public interface Subscriber {

    EventLoop eventLoop();

    /** The topics it reads; the hub keeps this set and its index in step. */
    Set<String> topics();

    /**
     * A live event the hub chose by one of its topics. Written but not flushed: {@code true} asks the
     * hub for a {@link #flushLive()} once its batch is handed out.
     */
    boolean onLive(Event event);

    /** Sends what {@link #onLive} wrote. */
    void flushLive();

    /** A reset for everyone, in order with the events: the subscriber goes on after {@code end}, maybe in another life of the stream. */
    void resetTo(OutboundFrame reset, StreamPosition end);
}
