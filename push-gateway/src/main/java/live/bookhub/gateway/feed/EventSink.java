package live.bookhub.gateway.feed;

import live.bookhub.events.StreamPosition;

/**
 * Where the live feed hands what it reads from Redis, one call at a time and in stream order: the
 * fan-out implements it, so the feed knows nothing of clients.
 */
public interface EventSink {

    /** One live event. Must not block: it is called on the feed's only thread. */
    void publish(Event event);

    /** Events were lost between the feed and Redis: every client must refetch, and goes on after {@code end}. */
    void resetAll(HistoryGap reason, StreamPosition end);
}
