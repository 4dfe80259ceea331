package live.bookhub.events;

/**
 * The {@code type} of an envelope on the wire: {@code BOOK_CREATED} is {@code book:created},
 * {@code BOOK_LOW_STOCK} {@code book:low-stock}. Clients see all but the control events, which only
 * gateways read.
 */
public enum EventType implements WireName {
    BOOK_CREATED,
    BOOK_UPDATED,
    BOOK_DELETED,
    ORDER_CREATED,
    ORDER_UPDATED,
    /** On {@link Topics#ADMIN}: a book's stock crossed down to the low-stock threshold or below. */
    BOOK_LOW_STOCK,
    /** On {@link Topics#ADMIN}: a book's stock crossed back above the low-stock threshold. */
    BOOK_RESTOCKED,
    /** The client must refetch: history was lost or the client is too far behind. */
    SYNC_RESET,
    /** Control event on {@link Topics#CONTROL}: a user's rights were lowered or the user is gone ({@link SessionRevocation}). */
    SESSION_REVOKED;

    @Override
    public String wireName() {
        String name = WireName.super.wireName();
        int family = name.indexOf('_');
        return name.substring(0, family) + ':' + name.substring(family + 1).replace('_', '-');
    }
}
