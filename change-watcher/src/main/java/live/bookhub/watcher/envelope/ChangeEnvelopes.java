package live.bookhub.watcher.envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import com.mongodb.client.model.changestream.UpdateDescription;
import live.bookhub.events.Envelope;
import live.bookhub.events.EventType;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one change of a watched collection into the envelope clients see, of the collection's
 * {@link EventFamily}. A drop or rename of the
 * collection becomes a {@code sync:reset} for everyone; changes that carry no event for clients (an
 * invalidate, an order's delete) map to nothing. A user's document is never an event: a change of
 * {@code users} is at most a control event for the gateways ({@link UserChanges}).
 */
public final class ChangeEnvelopes {

    private static final Logger log = LoggerFactory.getLogger(ChangeEnvelopes.class);
    /** The changes whose envelope carries a document. */
    private static final Set<OperationType> DOCUMENT_CHANGES = EnumSet.of(OperationType.INSERT, OperationType.UPDATE,
            OperationType.REPLACE, OperationType.DELETE);

    private ChangeEnvelopes() {
    }

    /**
     * @param change with its documents as the change stream decoded them: {@link Document}s, or raw BSON
     *               (as the watcher reads it, so that a value the driver cannot decode is found here, where
     *               it costs one document's data and not the stream behind it)
     */
    public static <T extends Bson> Optional<Envelope> toEnvelope(String collection, ChangeStreamDocument<T> change) {
        if (DOCUMENT_CHANGES.contains(change.getOperationType())) {
            return collection.equals(UserChanges.COLLECTION)
                    ? UserChanges.toEnvelope(change)
                    : documentEvent(collection, change);
        }
        return switch (change.getOperationType()) {
            case DROP, RENAME, DROP_DATABASE -> Optional.of(ResetEnvelopes.collectionGone(collection, change));
            default -> Optional.empty();
        };
    }

    /**
     * Refuses a collection whose changes map to nothing: each watched collection has an
     * {@link EventFamily}, except {@code users}, whose changes are control events.
     *
     * @throws IllegalArgumentException naming the collection and the ones that can be watched
     */
    public static void requireWatchable(String collection) {
        if (!collection.equals(UserChanges.COLLECTION)) {
            EventFamily.of(collection);
        }
    }

    /**
     * How many bytes of BSON the {@code data} of a change's envelope is mapped from at most: its documents
     * (the document, its pre-image, its key) and the fields the update set, when all of them are raw BSON;
     * -1 when not known, or when {@code data} is not mapped from them (a control event, a reset).
     */
    static long sourceBytes(String collection, ChangeStreamDocument<? extends Bson> change) {
        if (collection.equals(UserChanges.COLLECTION) || !DOCUMENT_CHANGES.contains(change.getOperationType())) {
            return -1;
        }
        UpdateDescription description = change.getUpdateDescription();
        long bytes = 0;
        for (Bson document : Arrays.asList(change.getFullDocument(), change.getFullDocumentBeforeChange(),
                change.getDocumentKey(), description == null ? null : description.getUpdatedFields())) {
            if (document instanceof RawBsonDocument raw) {
                bytes += raw.getByteBuffer().remaining();
            } else if (document != null) {
                return -1;
            }
        }
        return bytes;
    }

    /** The change's wall time (its cluster time on servers that send none): the envelope's {@code ts}. */
    public static Instant timeOf(ChangeStreamDocument<?> change) {
        if (change.getWallTime() != null) {
            return Instant.ofEpochMilli(change.getWallTime().getValue());
        }
        return change.getClusterTime() == null ? Instant.now() : Instant.ofEpochSecond(change.getClusterTime().getTime());
    }

    private static <T extends Bson> Optional<Envelope> documentEvent(String collection, ChangeStreamDocument<T> change) {
        EventFamily family = EventFamily.of(collection);
        Optional<EventType> type = family.typeOf(change.getOperationType());
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
        return Optional.of(new Envelope(null, type.get().wireName(), family.topicOf(data), timeOf(change),
                ResumeTokens.of(change.getResumeToken()), data, changedFields(change.getUpdateDescription()), truncated,
                type.get() == EventType.BOOK_UPDATED ? BookBefore.of(change) : null));
    }

    /** A delete's document is its pre-image, where the collection keeps them (then book:deleted names the book). */
    private static <T extends Bson> ObjectNode documentData(ChangeStreamDocument<T> change) {
        T document = change.getOperationType() == OperationType.DELETE
                ? change.getFullDocumentBeforeChange()
                : change.getFullDocument();
        ObjectNode data = document != null ? DocumentJson.toJson(document) : idOnly(change.getDocumentKey());
        if (change.getUpdateDescription() != null) {
            overlay(data, change.getUpdateDescription());
        }
        return data;
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
            DocumentJson.toJson(description.getUpdatedFields()).properties().forEach(field -> JsonPaths.set(data, field.getKey(), field.getValue()));
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
