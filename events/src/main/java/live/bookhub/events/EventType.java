package live.bookhub.events;

/**
 * The {@code type} of an envelope on the wire: {@code BOOK_CREATED} is {@code book:created}. Clients see
 * all but the control events, which only gateways read.
 */
public enum EventType implements WireName {
    BOOK_CREATED,
    BOOK_UPDATED,
    BOOK_DELETED,
    ORDER_CREATED,
    ORDER_UPDATED,
    /** The client must refetch: history was lost or the client is too far behind. */
    SYNC_RESET,
    /** Control event on {@link Topics#CONTROL}: a user's rights were lowered or the user is gone ({@link SessionRevocation}). */
    SESSION_REVOKED;

    @Override
    public String wireName() {
        return WireName.super.wireName().replace('_', ':');
    }
}
