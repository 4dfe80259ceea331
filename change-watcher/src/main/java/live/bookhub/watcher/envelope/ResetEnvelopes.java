package live.bookhub.watcher.envelope;

import java.time.Instant;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import live.bookhub.events.Envelope;
import live.bookhub.events.EventType;
import live.bookhub.events.Topics;
import live.bookhub.events.WireName;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The watcher's {@code sync:reset} envelopes, for every client (topic {@value Topics#EVERYONE}): events
 * of a collection were lost, or the collection itself went away, so clients must refetch. {@code data}
 * says which collection and why ({@code reason}), with the positions concerned. A reset of
 * {@code users} concerns control events only, which no client shows: it goes to the gateways
 * (topic {@value Topics#CONTROL}), so clients do not refetch for nothing.
 */
public final class ResetEnvelopes {

    /** Why a reset was sent, as {@code data.reason}. */
    public enum Reason implements WireName {
        /** The resume position fell off the oplog (MongoDB error 286). */
        HISTORY_LOST,
        /** The resume position is unknown to this deployment (MongoDB error 280). */
        UNKNOWN_POSITION,
        DROPPED,
        RENAMED,
        DATABASE_DROPPED
    }

    private ResetEnvelopes() {
    }

    /**
     * The change stream could not resume after {@code lost} and restarted from now, at {@code resumed}:
     * the changes in between were not sent.
     */
    public static Envelope historyLost(String collection, Reason reason, String lost, String resumed, Instant ts) {
        ObjectNode data = data(collection, reason);
        data.put("lost", lost);
        data.put("resumed", resumed);
        return reset(collection, ts, resumed, data);
    }

    /** The watched collection was dropped or renamed (or its database dropped). */
    static Envelope collectionGone(String collection, ChangeStreamDocument<?> change) {
        ObjectNode data = switch (change.getOperationType()) {
            case DROP -> data(collection, Reason.DROPPED);
            case RENAME -> data(collection, Reason.RENAMED)
                    .put("from", change.getNamespace().getCollectionName())
                    .put("to", change.getDestinationNamespace().getCollectionName());
            default -> data(collection, Reason.DATABASE_DROPPED);
        };
        return reset(collection, ChangeEnvelopes.timeOf(change), ResumeTokens.of(change.getResumeToken()), data);
    }

    private static ObjectNode data(String collection, Reason reason) {
        return JsonNodeFactory.instance.objectNode().put("collection", collection).put("reason", reason.wireName());
    }

    private static Envelope reset(String collection, Instant ts, String token, ObjectNode data) {
        String topic = collection.equals(UserChanges.COLLECTION) ? Topics.CONTROL : Topics.EVERYONE;
        return new Envelope(null, EventType.SYNC_RESET.wireName(), topic, ts, token, data, null, null);
    }
}
