package live.bookhub.events;

/** The {@code type} of an envelope, as clients see it. */
public enum EventType {
    BOOK_CREATED("book:created"),
    BOOK_UPDATED("book:updated"),
    BOOK_DELETED("book:deleted"),
    ORDER_CREATED("order:created"),
    ORDER_UPDATED("order:updated"),
    /** The client must refetch: history was lost or the client is too far behind. */
    SYNC_RESET("sync:reset");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
