package live.bookhub.gateway.fanout;

import java.util.List;
import java.util.Set;

import live.bookhub.events.Topics;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.filter.BookFilter;

/**
 * The one routing rule: which subscriptions an event reaches. An event reaches its own topic, and a
 * user's orders also {@code admin}, so one stream entry serves both the customer and the admins;
 * an event for {@link Topics#EVERYONE} reaches every client whatever it subscribed to, and a control
 * event ({@link Topics#CONTROL}) none at all. The hub's index and a resuming client's replay both ask here.
 */
public final class TopicRouting {

    private static final List<String> ADMIN_ONLY = List.of(Topics.ADMIN);
    private static final List<String> EVERYONE = List.of(Topics.EVERYONE);

    private TopicRouting() {
    }

    public static boolean isForEveryone(String topic) {
        return topic.equals(Topics.EVERYONE);
    }

    /** The subscriptions an event of this topic reaches; {@link Topics#EVERYONE} stands for all of them. */
    public static List<String> audiences(String topic) {
        if (isForEveryone(topic)) {
            return EVERYONE;
        }
        if (topic.equals(Topics.ADMIN)) {
            return ADMIN_ONLY;
        }
        if (topic.equals(Topics.CONTROL)) {
            return List.of();
        }
        return Topics.ordersOwner(topic) != null ? List.of(topic, Topics.ADMIN) : List.of(topic);
    }

    /**
     * Whether the event reaches the subscriber: by a topic it reads, or by one of its filters (a
     * {@code books} change whose book matched the filter before or after it). A resuming client's replay
     * asks here; the hub gives live events the same answer, judging each group of equal filters once.
     */
    public static boolean selects(Subscriber subscriber, Event event) {
        if (reaches(event.topic(), subscriber.topics())) {
            return true;
        }
        if (event.book() != null) {
            for (BookFilter filter : subscriber.filters().values()) {
                if (filter.selects(event.book())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an event of this topic reaches a client subscribed to {@code subscribed}. */
    public static boolean reaches(String topic, Set<String> subscribed) {
        for (String audience : audiences(topic)) {
            if (audience.equals(Topics.EVERYONE) || subscribed.contains(audience)) {
                return true;
            }
        }
        return false;
    }
}
