package live.bookhub.watcher.envelope;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.UpdateDescription;
import live.bookhub.events.Envelope;
import live.bookhub.events.EventType;
import live.bookhub.events.SessionRevocation;
import live.bookhub.events.SessionRevocation.Reason;
import live.bookhub.events.Topics;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

/**
 * A change of the {@code users} collection as the gateways need it, never as a document: a right
 * taken away (the role set to anything but {@code admin} or removed, {@code disabled} set to true, the
 * account deleted) becomes a {@code session:revoked} control event with the user's id and the role
 * left. Every other change (a sign-up, a new password, a promotion, an enabling) maps to nothing, and
 * no other field of a user ever leaves the watcher. The api reads roles the same way: only
 * {@code "admin"} is an admin, only {@code disabled: true} is disabled.
 */
final class UserChanges {

    static final String COLLECTION = "users";
    private static final String ADMIN = "admin";
    /** What a user who is not an admin may read at a gateway: a customer's topics. */
    private static final String ROLE_LEFT = "customer";

    private UserChanges() {
    }

    static <T extends Bson> Optional<Envelope> toEnvelope(ChangeStreamDocument<T> change) {
        return revocation(change).map(revocation -> new Envelope(null, EventType.SESSION_REVOKED.wireName(), Topics.CONTROL,
                ChangeEnvelopes.timeOf(change), ResumeTokens.of(change.getResumeToken()), revocation.toData(), null, null));
    }

    private static <T extends Bson> Optional<SessionRevocation> revocation(ChangeStreamDocument<T> change) {
        BsonValue key = change.getDocumentKey() == null ? null : change.getDocumentKey().get("_id");
        if (key == null) {
            return Optional.empty();
        }
        String userId = DocumentJson.idString(key);
        return switch (change.getOperationType()) {
            case DELETE -> Optional.of(SessionRevocation.gone(userId, Reason.DELETED));
            case UPDATE -> change.getUpdateDescription() != null
                    ? fromUpdate(userId, change.getUpdateDescription())
                    : fromState(userId, change.getFullDocument());
            case REPLACE -> fromState(userId, change.getFullDocument());
            default -> Optional.empty();
        };
    }

    /** Only what the update wrote counts: a customer's new password revokes nothing. */
    private static Optional<SessionRevocation> fromUpdate(String userId, UpdateDescription update) {
        BsonDocument written = update.getUpdatedFields() == null ? new BsonDocument() : update.getUpdatedFields();
        List<String> removed = update.getRemovedFields() == null ? List.of() : update.getRemovedFields();
        BsonValue disabled = written.get("disabled");
        if (disabled != null && disabled.isBoolean() && disabled.asBoolean().getValue()) {
            return Optional.of(SessionRevocation.gone(userId, Reason.DISABLED));
        }
        BsonValue role = written.get("role");
        if (role != null && !(role.isString() && role.asString().getValue().equals(ADMIN)) || removed.contains("role")) {
            return Optional.of(SessionRevocation.demoted(userId, ROLE_LEFT));
        }
        return Optional.empty();
    }

    /**
     * A whole document written over the old one: what it says now is all there is to go by, so any
     * account that is not an active admin is re-checked (a customer's re-check changes nothing).
     */
    private static Optional<SessionRevocation> fromState(String userId, Bson document) {
        if (document == null) {
            return Optional.empty();
        }
        BsonDocument user = document.toBsonDocument();
        BsonValue disabled = user.get("disabled");
        if (disabled != null && disabled.isBoolean() && disabled.asBoolean().getValue()) {
            return Optional.of(SessionRevocation.gone(userId, Reason.DISABLED));
        }
        BsonValue role = user.get("role");
        boolean admin = role != null && role.isString() && role.asString().getValue().equals(ADMIN);
        return admin ? Optional.empty() : Optional.of(SessionRevocation.demoted(userId, ROLE_LEFT));
    }
}
