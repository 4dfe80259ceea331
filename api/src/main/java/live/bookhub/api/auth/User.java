package live.bookhub.api.auth;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A document of the {@code users} collection. Never returned over REST: {@link UserView} is. */
@Document("users")
public record User(@Id String id, String username, String email, String passwordHash, Role role, Instant createdAt) {

    public UserView view() {
        return new UserView(id, username, email, role);
    }
}
