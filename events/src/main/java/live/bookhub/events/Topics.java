package live.bookhub.events;

/**
 * Topic names. {@code books} is public, {@code orders:<userId>} belongs to that user (and admins),
 * {@code admin} to admins.
 */
public final class Topics {

    public static final String BOOKS = "books";
    public static final String ADMIN = "admin";
    /**
     * The topic of events every client must see whatever it subscribed to: the watcher's
     * {@code sync:reset} when history was lost. Clients cannot subscribe to it by name.
     */
    public static final String EVERYONE = "*";
    /**
     * The topic of control events ({@code session:revoked}): for the gateways, which act on them,
     * never for a client. No client can subscribe to it, and no routing reaches one with it.
     */
    public static final String CONTROL = "control";
    private static final String ORDERS_PREFIX = "orders:";
    /** A user id is a 24-digit ObjectId hex string in BookHub; anything longer is not a topic. */
    private static final int MAX_LENGTH = 64;

    private Topics() {
    }

    public static String orders(String userId) {
        return ORDERS_PREFIX + userId;
    }

    /** The user whose orders the topic carries, or {@code null} when it is not an orders topic. */
    public static String ordersOwner(String topic) {
        return topic.startsWith(ORDERS_PREFIX) ? topic.substring(ORDERS_PREFIX.length()) : null;
    }

    /** Whether a client may name this topic at all (rights are the gateway's business). */
    public static boolean isWellFormed(String topic) {
        if (topic == null || topic.isEmpty() || topic.length() > MAX_LENGTH) {
            return false;
        }
        if (topic.equals(BOOKS) || topic.equals(ADMIN)) {
            return true;
        }
        String owner = ordersOwner(topic);
        return owner != null && !owner.isEmpty() && owner.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
