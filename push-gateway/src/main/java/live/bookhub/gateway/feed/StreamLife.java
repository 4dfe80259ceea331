package live.bookhub.gateway.feed;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which life of the stream the live feed is in: the epoch of the events it hands out. The append
 * script publishes a new life's first event with its new epoch, so the feed, subscribed all along,
 * sees every new life begin; clients must refetch then, for the old life's tail went with Redis's data.
 * Not thread-safe: the feed's one thread uses it.
 */
final class StreamLife {

    /** What a live event's epoch means for the feed. */
    enum Verdict {
        /** Of the current life (or from a watcher that writes no epochs). */
        CURRENT,
        /** The first event of a new life; clients are reset unless the feed saw no stream before it. */
        NEW,
        /** Of a life that already ended here: a straggler, dropped. */
        ENDED
    }

    /** How many ended lives are remembered, to drop their stragglers. */
    private static final int REMEMBERED = 8;

    private String epoch;
    private final Deque<String> ended = new ArrayDeque<>();

    /** The current life's epoch; {@code null} when the feed last saw no stream. */
    String epoch() {
        return epoch;
    }

    Verdict of(String eventEpoch) {
        if (eventEpoch == null || eventEpoch.equals(epoch)) {
            return Verdict.CURRENT;
        }
        return ended.contains(eventEpoch) ? Verdict.ENDED : Verdict.NEW;
    }

    /** Moves to the life of {@code next} ({@code null}: no stream now), ending the current one. */
    void moveTo(String next) {
        if (epoch != null && !epoch.equals(next)) {
            ended.addFirst(epoch);
            if (ended.size() > REMEMBERED) {
                ended.removeLast();
            }
        }
        epoch = next;
    }
}
