package live.bookhub.gateway.filter;

/**
 * A subscription the gateway refuses, and why: the client gets an {@code error} frame
 * ({@code bad_filter}) naming the subscription and the field, and keeps its other subscriptions.
 *
 * @param sub   the subscription's id as the client sent it (cut short), {@code null} when it sent none
 * @param field the offending field: {@code price.min}, {@code ids}, {@code sub}, {@code filter}…
 */
public final class BadFilter extends RuntimeException {

    private final String sub;
    private final String field;

    public BadFilter(String sub, String field, String message) {
        super(message, null, false, false);
        this.sub = sub;
        this.field = field;
    }

    public String sub() {
        return sub;
    }

    public String field() {
        return field;
    }
}
