package live.bookhub.api.auth;

import java.time.Clock;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Inserts new accounts. The first account of an empty database becomes the admin who can then
 * promote others, exactly once however many sign up at the same moment: the admin's document
 * carries {@code firstAdmin: true}, which a unique index lets only one document hold, so the claim
 * and the account are one insert. Losers of that race become customers.
 */
@Component
class NewAccounts {

    static final String FIRST_ADMIN_INDEX = "firstAdmin";

    private final MongoTemplate mongo;
    private final Clock clock;

    NewAccounts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @throws DuplicateKeyException when the username or email is taken */
    User insert(String username, String email, String passwordHash) {
        String id = new ObjectId().toHexString();
        if (!mongo.exists(new Query(), User.class)) {
            try {
                return mongo.insert(new User(id, username, email, passwordHash, Role.ADMIN, false, true, clock.instant()));
            } catch (DuplicateKeyException e) {
                if (!String.valueOf(e.getMessage()).contains("index: " + FIRST_ADMIN_INDEX + " ")) {
                    throw e;
                }
            }
        }
        return mongo.insert(new User(id, username, email, passwordHash, Role.CUSTOMER, false, null, clock.instant()));
    }
}
