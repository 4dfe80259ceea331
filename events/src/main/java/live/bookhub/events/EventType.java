package live.bookhub.events;

/** The {@code type} of an envelope, as clients see it: {@code BOOK_CREATED} is {@code book:created}. */
public enum EventType implements WireName {
    BOOK_CREATED,
    BOOK_UPDATED,
    BOOK_DELETED,
    ORDER_CREATED,
    ORDER_UPDATED,
    /** The client must refetch: history was lost or the client is too far behind. */
    SYNC_RESET;

    @Override
    public String wireName() {
        return WireName.super.wireName().replace('_', ':');
    }
}
