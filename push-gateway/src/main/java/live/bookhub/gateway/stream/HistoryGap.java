package live.bookhub.gateway.stream;

/** Why a client cannot resume from its last id; it gets a {@code sync:reset} with this reason. */
public enum HistoryGap {
    /** Entries after the client's id were trimmed from the bounded stream. */
    HISTORY_LOST("history_lost"),
    /** The id is past the stream's end: it comes from another history (Redis was reset). */
    UNKNOWN_POSITION("unknown_position"),
    /** The id is not a stream id at all. */
    MALFORMED_ID("malformed_last_event_id");

    private final String reason;

    HistoryGap(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
