package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.changestream.UpdateDescription;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The user change → control event decision: what revokes, what does not, and that no user field rides along. */
class UserChangesTest {

    private static final String USER = "665f1c2b9d3e4a0012345678";

    @Test
    void aRoleSetToCustomerIsADemotionCarryingTheUserIdAndTheRoleLeftOnTheControlTopic() {
        Envelope envelope = update(new BsonDocument("role", new BsonString("customer")), List.of(), user("customer", false)).orElseThrow();

        assertThat(envelope.type()).isEqualTo("session:revoked");
        assertThat(envelope.topic()).isEqualTo("control");
        assertThat(envelope.token()).isEqualTo("8200AB");
        assertThat(envelope.data().toString()).isEqualTo("{\"userId\":\"" + USER + "\",\"reason\":\"demoted\",\"role\":\"customer\"}");
        assertThat(envelope.changed()).isNull();
        assertThat(EnvelopeCodec.toJson(envelope)).doesNotContain("bob@", "$2a$", "\"bob\"");
    }

    @Test
    void aDisablingADeletionAndARemovedOrUnknownRoleRevoke() {
        assertThat(reason(update(new BsonDocument("disabled", BsonBoolean.TRUE), List.of(), user("admin", true)))).isEqualTo("disabled");
        assertThat(reason(update(new BsonDocument("disabled", BsonBoolean.TRUE).append("role", new BsonString("customer")), List.of(),
                null))).as("disabled wins, and needs no looked-up document").isEqualTo("disabled");
        assertThat(reason(ChangeEnvelopes.toEnvelope("users", ChangeEnvelopesTest.change("delete", null, null)))).isEqualTo("deleted");
        assertThat(reason(update(new BsonDocument(), List.of("role"), user(null, false)))).isEqualTo("demoted");
        assertThat(reason(update(new BsonDocument("role", new BsonString("Admin")), List.of(), user("Admin", false)))).isEqualTo("demoted");
    }

    @Test
    void whatTakesNoRightAwayIsNoEvent() {
        assertThat(update(new BsonDocument("passwordHash", new BsonString("$2a$10$new")), List.of(), user("customer", false))).isEmpty();
        assertThat(update(new BsonDocument("role", new BsonString("admin")), List.of(), user("admin", false))).isEmpty();
        assertThat(update(new BsonDocument("disabled", BsonBoolean.FALSE), List.of(), user("customer", false))).isEmpty();
        assertThat(update(new BsonDocument(), List.of("disabled"), user("customer", false))).isEmpty();
        assertThat(ChangeEnvelopes.toEnvelope("users", ChangeEnvelopesTest.change("insert", user("admin", false), null))).isEmpty();
    }

    @Test
    void aReplacedDocumentIsJudgedByWhatItSaysNow() {
        assertThat(reason(replace(user("admin", true)))).isEqualTo("disabled");
        assertThat(reason(replace(user("customer", false)))).isEqualTo("demoted");
        assertThat(replace(user("admin", false))).isEmpty();
    }

    @Test
    void aLostHistoryOfUsersIsResetForTheGatewaysOnlyNotForEveryClient() {
        Instant now = Instant.now();
        assertThat(ResetEnvelopes.historyLost("users", ResetEnvelopes.Reason.HISTORY_LOST, "8200AA", "8200FF", now).topic())
                .isEqualTo("control");
        assertThat(ResetEnvelopes.historyLost("books", ResetEnvelopes.Reason.HISTORY_LOST, "8200AA", "8200FF", now).topic())
                .isEqualTo("*");
    }

    private static Optional<Envelope> update(BsonDocument written, List<String> removed, Document lookedUp) {
        return ChangeEnvelopes.toEnvelope("users", ChangeEnvelopesTest.change("update", lookedUp,
                new UpdateDescription(removed, written, null, null)));
    }

    private static Optional<Envelope> replace(Document user) {
        return ChangeEnvelopes.toEnvelope("users", ChangeEnvelopesTest.change("replace", user, null));
    }

    private static String reason(Optional<Envelope> envelope) {
        return envelope.orElseThrow().data().path("reason").asString();
    }

    private static Document user(String role, boolean disabled) {
        Document user = new Document("_id", new ObjectId(USER)).append("username", "bob").append("email", "bob@bookhub.test")
                .append("passwordHash", "$2a$10$abcdefghijklmnopqrstuv").append("disabled", disabled);
        return role == null ? user : user.append("role", role);
    }
}
