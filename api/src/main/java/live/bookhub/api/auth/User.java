package live.bookhub.api.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document of the {@code users} collection. Never returned over REST: {@link UserView} is. A
 * change of {@code role} or {@code disabled}, or a deletion, is a plain write to this collection,
 * whether the api makes it or a DBA in mongosh; the api reads both afresh at every refresh.
 *
 * @param disabled   a disabled account cannot log in or refresh (absent counts as {@code false})
 * @param firstAdmin {@code true} on the account that became admin as the first of an empty database,
 *                   absent on all others; a unique index on it lets exactly one sign-up claim it
 */
@Document("users")
public record User(@Id String id, String username, String email, String passwordHash, Role role, Boolean disabled,
        Boolean firstAdmin, Instant createdAt) {

    public User {
        // Accounts written before the flag existed, or by hand, lack it.
        disabled = Boolean.TRUE.equals(disabled);
    }

    public UserView view() {
        return new UserView(id, username, email, role, disabled);
    }
}
