package live.bookhub.watcher.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import com.mongodb.client.model.changestream.UpdateDescription;
import live.bookhub.events.Envelope;
import live.bookhub.events.EventType;
import live.bookhub.events.Topics;
import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one change of a watched collection into the envelope clients see. A drop or rename of the
 * collection becomes a {@code sync:reset} for everyone; changes that carry no event for clients (an
 * invalidate, an order's delete) map to nothing. A user's document is never an event: a change of
 * {@code users} is at most a control event for the gateways ({@link UserChanges}).
 */
public final class ChangeEnvelopes {

    private static final Logger log = LoggerFactory.getLogger(ChangeEnvelopes.class);

    private ChangeEnvelopes() {
    }

    public static Optional<Envelope> toEnvelope(String collection, ChangeStreamDocument<Document> change) {
        return switch (change.getOperationType()) {
            case INSERT, UPDATE, REPLACE, DELETE -> collection.equals(UserChanges.COLLECTION)
                    ? UserChanges.toEnvelope(change)
                    : documentEvent(collection, change);
            case DROP, RENAME, DROP_DATABASE -> Optional.of(ResetEnvelopes.collectionGone(collection, change));
            default -> Optional.empty();
        };
    }

    /** The change's wall time (its cluster time on servers that send none): the envelope's {@code ts}. */
    public static Instant timeOf(ChangeStreamDocument<Document> change) {
        if (change.getWallTime() != null) {
            return Instant.ofEpochMilli(change.getWallTime().getValue());
        }
        return change.getClusterTime() == null ? Instant.now() : Instant.ofEpochSecond(change.getClusterTime().getTime());
    }

    private static Optional<Envelope> documentEvent(String collection, ChangeStreamDocument<Document> change) {
        Optional<EventType> type = typeOf(collection, change);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode data;
        Boolean truncated = null;
        try {
            data = documentData(change);
        } catch (RuntimeException e) {
            // One document nobody foresaw must not stall the stream behind it: clients get its id to refetch.
            log.warn("change {} of {} cannot be mapped, sending its id only: {}", ResumeTokens.of(change.getResumeToken()),
                    collection, e.toString());
            data = idOnly(change.getDocumentKey());
            truncated = true;
        }
        return Optional.of(new Envelope(null, type.get().wireName(), topicOf(collection, data), timeOf(change),
                ResumeTokens.of(change.getResumeToken()), data, changedFields(change.getUpdateDescription()), truncated));
    }

    /** A delete's document is its pre-image, where the collection keeps them (then book:deleted names the book). */
    private static ObjectNode documentData(ChangeStreamDocument<Document> change) {
        Document document = change.getOperationType() == OperationType.DELETE
                ? change.getFullDocumentBeforeChange()
                : change.getFullDocument();
        ObjectNode data = document != null ? DocumentJson.toJson(document) : idOnly(change.getDocumentKey());
        if (change.getUpdateDescription() != null) {
            overlay(data, change.getUpdateDescription());
        }
        return data;
    }

    private static Optional<EventType> typeOf(String collection, ChangeStreamDocument<Document> change) {
        boolean books = collection.equals("books");
        return switch (change.getOperationType()) {
            case INSERT -> Optional.of(books ? EventType.BOOK_CREATED : EventType.ORDER_CREATED);
            case UPDATE, REPLACE -> Optional.of(books ? EventType.BOOK_UPDATED : EventType.ORDER_UPDATED);
            case DELETE -> books ? Optional.of(EventType.BOOK_DELETED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String topicOf(String collection, ObjectNode data) {
        if (collection.equals("books")) {
            return Topics.BOOKS;
        }
        // Written from mongosh, userId may be missing or not a string: such an order goes to admins only.
        String userId = data.path("userId").isString() ? data.path("userId").asString() : "";
        return Topics.isWellFormed(Topics.orders(userId)) ? Topics.orders(userId) : Topics.ADMIN;
    }

    private static ObjectNode idOnly(BsonDocument documentKey) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (documentKey != null && documentKey.containsKey("_id")) {
            data.put("id", DocumentJson.idString(documentKey.get("_id")));
        }
        return data;
    }

    /**
     * {@code updateLookup} reads the document when the change is read, which may be after later
     * changes; the fields this change set or removed are put back to its own values, so a client
     * applying events in order sees each change as it was.
     */
    private static void overlay(ObjectNode data, UpdateDescription description) {
        if (description.getUpdatedFields() != null) {
            Document updated = DocumentJson.decode(description.getUpdatedFields());
            DocumentJson.toJson(updated).properties().forEach(field -> JsonPaths.set(data, field.getKey(), field.getValue()));
        }
        if (description.getRemovedFields() != null) {
            description.getRemovedFields().forEach(path -> JsonPaths.remove(data, path));
        }
    }

    private static List<String> changedFields(UpdateDescription description) {
        if (description == null) {
            return null;
        }
        List<String> changed = new ArrayList<>();
        if (description.getUpdatedFields() != null) {
            changed.addAll(description.getUpdatedFields().keySet());
        }
        if (description.getRemovedFields() != null) {
            changed.addAll(description.getRemovedFields());
        }
        return changed;
    }
}
