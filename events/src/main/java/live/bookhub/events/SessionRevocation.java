package live.bookhub.events;

import java.util.Arrays;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data} of a {@code session:revoked} control event: a user lost rights, so every gateway
 * re-checks that user's connections. It names the user and what is left, and nothing else of the
 * user's document: it travels through Redis, and no client ever receives it.
 *
 * @param userId the user's id, as in the JWT's {@code sub}
 * @param reason what happened
 * @param role   {@code DEMOTED} only: the role the user holds now; {@code null} otherwise
 */
public record SessionRevocation(String userId, Reason reason, String role) {

    /** Why the user's sessions are checked again. */
    public enum Reason implements WireName {
        /** The role was lowered: topics the new role may not read are dropped, the connections stay. */
        DEMOTED,
        /** The account was disabled: its connections are closed. */
        DISABLED,
        /** The account was deleted: its connections are closed. */
        DELETED
    }

    public static SessionRevocation demoted(String userId, String role) {
        return new SessionRevocation(userId, Reason.DEMOTED, role);
    }

    public static SessionRevocation gone(String userId, Reason reason) {
        return new SessionRevocation(userId, reason, null);
    }

    /** Whether the user's connections end, rather than only lose topics. */
    public boolean endsSessions() {
        return reason != Reason.DEMOTED;
    }

    public ObjectNode toData() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("userId", userId).put("reason", reason.wireName());
        return role == null ? data : data.put("role", role);
    }

    /** The revocation a control event's {@code data} describes; empty when it is not one. */
    public static Optional<SessionRevocation> fromData(JsonNode data) {
        String userId = data.path("userId").asString("");
        Optional<Reason> reason = Arrays.stream(Reason.values())
                .filter(candidate -> candidate.wireName().equals(data.path("reason").asString(""))).findFirst();
        if (userId.isEmpty() || reason.isEmpty()) {
            return Optional.empty();
        }
        String role = data.path("role").isString() ? data.path("role").asString() : null;
        if (reason.get() == Reason.DEMOTED && role == null) {
            return Optional.empty();
        }
        return Optional.of(new SessionRevocation(userId, reason.get(), reason.get() == Reason.DEMOTED ? role : null));
    }
}
