package live.bookhub.watcher.envelope;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.mongodb.client.model.changestream.OperationType;
import live.bookhub.events.EventType;
import live.bookhub.events.Topics;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one mapping from a watched collection to the events its changes become: their types and who
 * may see them. A collection must have a family to be watched; {@link #of} refuses one that has none,
 * which the watcher checks at start.
 */
public enum EventFamily {
    BOOKS("books", EventType.BOOK_CREATED, EventType.BOOK_UPDATED, EventType.BOOK_DELETED) {
        @Override
        String topicOf(ObjectNode data) {
            return Topics.BOOKS;
        }
    },
    /** An order's delete carries no event: orders are not deleted by the api, and a client has nothing to show. */
    ORDERS("orders", EventType.ORDER_CREATED, EventType.ORDER_UPDATED, null) {
        /** Written from mongosh, userId may be missing or not a string: such an order goes to admins only. */
        @Override
        String topicOf(ObjectNode data) {
            String userId = data.path("userId").isString() ? data.path("userId").asString() : "";
            return Topics.isWellFormed(Topics.orders(userId)) ? Topics.orders(userId) : Topics.ADMIN;
        }
    };

    private final String collection;
    private final EventType created;
    private final EventType updated;
    private final EventType deleted;

    EventFamily(String collection, EventType created, EventType updated, EventType deleted) {
        this.collection = collection;
        this.created = created;
        this.updated = updated;
        this.deleted = deleted;
    }

    /** Who may see the event of a document with this {@code data}. */
    abstract String topicOf(ObjectNode data);

    /** The event a document change becomes, if any (a replace is an update of the whole document). */
    Optional<EventType> typeOf(OperationType operation) {
        return Optional.ofNullable(switch (operation) {
            case INSERT -> created;
            case UPDATE, REPLACE -> updated;
            case DELETE -> deleted;
            default -> null;
        });
    }

    /**
     * The family of a watched collection.
     *
     * @throws IllegalArgumentException naming the collection and the ones that can be watched
     */
    public static EventFamily of(String collection) {
        return Arrays.stream(values()).filter(family -> family.collection.equals(collection)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the changes of collection \"" + collection
                        + "\" map to no event; the collections that can be watched are " + watchable()));
    }

    private static String watchable() {
        // users is watched too, for the control events it gives (ChangeEnvelopes.requireWatchable)
        return Arrays.stream(values()).map(family -> family.collection).collect(Collectors.joining(", ")) + ", users";
    }
}
