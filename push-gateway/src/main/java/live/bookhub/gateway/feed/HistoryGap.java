package live.bookhub.gateway.feed;

import live.bookhub.events.WireName;

/** Why a client cannot resume from its last id; it gets a {@code sync:reset} with this reason. */
public enum HistoryGap implements WireName {
    /**
     * The position belongs to another life of the stream (Redis lost it, and the watcher began it
     * again with new ids): its epoch is not the current one, or a bare id is older than the current
     * life's first entry.
     */
    EPOCH_CHANGED,
    /** Entries after the client's id were trimmed from the bounded stream. */
    HISTORY_LOST,
    /** The id is past the stream's end: it comes from another history (Redis was reset). */
    UNKNOWN_POSITION,
    /** The id is not a stream position at all. */
    MALFORMED_LAST_EVENT_ID
}
