package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.UpdateDescription;
import live.bookhub.events.Envelope;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class ChangeEnvelopesTest {

    private static final ObjectId BOOK = new ObjectId("665f1c2b9d3e4a0012345678");
    private static final Instant WALL = Instant.parse("2026-11-22T10:00:00.123Z");

    @Test
    void anInsertCarriesTheDocumentAsTheApiReturnsIt() {
        Document book = new Document("_id", BOOK).append("title", "Dune").append("price", 1299)
                .append("createdAt", Date.from(WALL));

        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("insert", book, null)).orElseThrow();

        assertThat(envelope.type()).isEqualTo("book:created");
        assertThat(envelope.topic()).isEqualTo("books");
        assertThat(envelope.ts()).isEqualTo(WALL);
        assertThat(envelope.token()).isEqualTo("8200AB");
        assertThat(envelope.data().toString())
                .isEqualTo("{\"id\":\"665f1c2b9d3e4a0012345678\",\"title\":\"Dune\",\"price\":1299,\"createdAt\":\"2026-11-22T10:00:00.123Z\"}");
        assertThat(envelope.changed()).isNull();
    }

    @Test
    void anUpdateShowsItsOwnValuesOfTheFieldsItChangedOverALaterLookup() {
        Document lookedUpLater = new Document("_id", BOOK).append("title", "Dune").append("price", 41).append("stock", 3);
        UpdateDescription description = new UpdateDescription(List.of("stock"),
                new BsonDocument("price", new BsonInt32(40)).append("meta.source", new BsonString("shop")), null, null);

        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("update", lookedUpLater, description)).orElseThrow();

        assertThat(envelope.type()).isEqualTo("book:updated");
        assertThat(envelope.data().path("price").asInt()).isEqualTo(40);
        assertThat(envelope.data().path("meta").path("source").asString()).isEqualTo("shop");
        assertThat(envelope.data().has("stock")).isFalse();
        assertThat(envelope.changed()).containsExactly("price", "meta.source", "stock");
    }

    @Test
    void anUpdateOfADocumentDeletedSinceCarriesItsIdAndChangedFields() {
        UpdateDescription description = new UpdateDescription(List.of(), new BsonDocument("price", new BsonInt32(7)), null, null);

        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("update", null, description)).orElseThrow();

        assertThat(envelope.data().toString()).isEqualTo("{\"id\":\"665f1c2b9d3e4a0012345678\",\"price\":7}");
    }

    @Test
    void aDeleteCarriesTheId() {
        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("delete", null, null)).orElseThrow();

        assertThat(envelope.type()).isEqualTo("book:deleted");
        assertThat(envelope.data().toString()).isEqualTo("{\"id\":\"665f1c2b9d3e4a0012345678\"}");
    }

    @Test
    void anOrderGoesToItsCustomersTopic() {
        Document order = new Document("_id", BOOK).append("userId", "665f00000000000000000001").append("status", "pending");

        Envelope envelope = ChangeEnvelopes.toEnvelope("orders", change("insert", order, null)).orElseThrow();

        assertThat(envelope.type()).isEqualTo("order:created");
        assertThat(envelope.topic()).isEqualTo("orders:665f00000000000000000001");
    }

    @Test
    void changesWithoutADocumentEventMapToNothing() {
        assertThat(ChangeEnvelopes.toEnvelope("books", change("invalidate", null, null))).isEmpty();
    }

    private static ChangeStreamDocument<Document> change(String operation, Document fullDocument, UpdateDescription description) {
        return new ChangeStreamDocument<>(operation, new BsonDocument("_data", new BsonString("8200AB")),
                new BsonDocument("db", new BsonString("bookhub")).append("coll", new BsonString("books")), null, null,
                fullDocument, null, new BsonDocument("_id", new BsonObjectId(BOOK)), new BsonTimestamp(1763805600, 1),
                description, null, null, new BsonDateTime(WALL.toEpochMilli()), null, null);
    }
}
