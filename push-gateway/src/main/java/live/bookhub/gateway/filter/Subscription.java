package live.bookhub.gateway.filter;

/**
 * One filtered subscription to {@code books}: the client's id for it and its filter.
 *
 * @param sub 1 to 64 characters of {@code [A-Za-z0-9_.:-]}, chosen by the client
 */
public record Subscription(String sub, BookFilter filter) {

    /** The sub id of the subscription a connect's lone filter object makes. */
    public static final String DEFAULT_SUB = "books";
}
