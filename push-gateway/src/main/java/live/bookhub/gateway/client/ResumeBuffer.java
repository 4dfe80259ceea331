package live.bookhub.gateway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;

/**
 * A client's place in the stream, and the merge of a resume: the replay joined to the live events
 * with no gap and no duplicate.
 *
 * <p>The client is registered for live events before the replay reads anything, so every event
 * appended after that reaches {@link #acceptLive} as well. While the client resumes, those are held;
 * after the replay's last page they are merged behind it, each id the replay already delivered
 * dropped. Ids only move forward: an event at or before {@link #position()} is one the client has.
 * They compare only within one life of the stream: an event of another epoch is never the client's
 * next (a reset moves the client into a new life first), except that a client that started before
 * there was any stream takes the epoch of the first life it sees.
 *
 * <p>When more than {@code limit} live events pile up (a replay far behind a busy stream), the held
 * ones are dropped, for they are in the stream too: the replay reads on to them instead.
 *
 * <p>Not thread-safe: used on the client's event loop, but {@link #position()} may be read anywhere.
 */
final class ResumeBuffer {

    private final int limit;
    private final List<Event> held = new ArrayList<>();
    private volatile StreamPosition position = StreamPosition.NONE;
    private boolean resuming = true;
    private boolean overflowed;

    ResumeBuffer(int limit) {
        this.limit = limit;
    }

    /** The position of the last event the client was given (or skipped past). */
    StreamPosition position() {
        return position;
    }

    /** Where the client starts: its last event's position, or the stream's end. */
    void startAt(StreamPosition start) {
        position = start;
    }

    /**
     * Moves past {@code end} (a reset told the client to refetch): never backwards within one life of
     * the stream; into another life at once, dropping what is held from the one that ended.
     */
    void skipTo(StreamPosition end) {
        if (!Objects.equals(end.epoch(), position.epoch())) {
            held.clear();
            overflowed = false;
            position = end;
        } else if (end.id().isAfter(position.id())) {
            position = end;
        }
    }

    /** Moves past entries read from the stream that were not events (none of the client's), never backwards. */
    void passOver(StreamId read) {
        if (read.isAfter(position.id())) {
            position = new StreamPosition(position.epoch(), read);
        }
    }

    /**
     * A live event.
     *
     * @return whether to send it now: not while the client resumes (it is held), nor when the client has it
     */
    boolean acceptLive(Event event) {
        if (resuming) {
            hold(event);
            return false;
        }
        return advance(event);
    }

    /** A replayed event: whether it is new to the client. */
    boolean acceptReplayed(Event event) {
        return advance(event);
    }

    /**
     * The replay has read to the stream's end.
     *
     * @return the held events the client has not had, in order, to send now; from then on live events
     *         are sent at once. Empty when the held events overflowed: the replay reads the stream once
     *         more, from {@link #position()}, holding live events afresh meanwhile.
     */
    Optional<List<Event>> finishReplay() {
        if (overflowed) {
            overflowed = false;
            return Optional.empty();
        }
        List<Event> fresh = new ArrayList<>();
        for (Event event : held) {
            if (advance(event)) {
                fresh.add(event);
            }
        }
        held.clear();
        resuming = false;
        return Optional.of(fresh);
    }

    /** The client is gone: drops what is held. */
    void clear() {
        held.clear();
    }

    private void hold(Event event) {
        if (overflowed || !held.isEmpty() && held.get(held.size() - 1) == event) {
            return; // the hub offers an event once per filter that selects it
        }
        held.add(event);
        if (held.size() > limit) {
            held.clear();
            overflowed = true;
        }
    }

    private boolean advance(Event event) {
        StreamPosition current = position;
        if (event.epoch() != null && current.epoch() != null && !event.epoch().equals(current.epoch())) {
            return false;
        }
        if (!event.id().isAfter(current.id())) {
            return false;
        }
        position = event.epoch() != null ? event.position() : new StreamPosition(current.epoch(), event.id());
        return true;
    }
}
