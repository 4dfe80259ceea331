package live.bookhub.gateway.auth;

import live.bookhub.events.Topics;

/** Who may read a topic: {@code books} anyone; {@code orders:<uid>} that user or an admin; {@code admin} admins. */
public final class TopicRights {

    private TopicRights() {
    }

    public static boolean mayRead(Viewer viewer, String topic) {
        if (topic.equals(Topics.BOOKS)) {
            return true;
        }
        if (viewer.isAdmin()) {
            return topic.equals(Topics.ADMIN) || Topics.ordersOwner(topic) != null;
        }
        String owner = Topics.ordersOwner(topic);
        return owner != null && owner.equals(viewer.userId());
    }
}
