package live.bookhub.gateway.stream;

import java.util.List;

import live.bookhub.events.Topics;

/**
 * Which subscriptions an event reaches: its own topic, and for a user's orders also {@code admin},
 * so one stream entry serves both the customer and the admins. Events for {@link Topics#EVERYONE}
 * reach every client instead.
 */
public final class TopicRouting {

    private static final List<String> ADMIN_ONLY = List.of(Topics.ADMIN);

    private TopicRouting() {
    }

    public static boolean isForEveryone(String topic) {
        return topic.equals(Topics.EVERYONE);
    }

    public static List<String> audiences(String topic) {
        if (topic.equals(Topics.ADMIN)) {
            return ADMIN_ONLY;
        }
        return Topics.ordersOwner(topic) != null ? List.of(topic, Topics.ADMIN) : List.of(topic);
    }
}
