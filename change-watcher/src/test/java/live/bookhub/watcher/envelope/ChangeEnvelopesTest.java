package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.UpdateDescription;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.types.Decimal128;
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

    @Test
    void aDocumentWithWrongTypesMissingAndUnknownFieldsMapsAsItIs() {
        Document odd = new Document("_id", BOOK).append("price", "twelve").append("stock", -1.5)
                .append("extra", new Document("nested", List.of(1, "two", new Document("three", true))));

        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("insert", odd, null)).orElseThrow();

        assertThat(envelope.type()).isEqualTo("book:created");
        assertThat(envelope.data().toString()).isEqualTo("{\"id\":\"665f1c2b9d3e4a0012345678\",\"price\":\"twelve\","
                + "\"stock\":-1.5,\"extra\":{\"nested\":[1,\"two\",{\"three\":true}]}}");
    }

    @Test
    void numbersWithoutAJsonFormBecomeStrings() {
        Document odd = new Document("_id", BOOK).append("nan", Double.NaN).append("infinite", Decimal128.POSITIVE_INFINITY)
                .append("negativeZero", Decimal128.NEGATIVE_ZERO).append("exact", Decimal128.parse("12.50"));

        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("insert", odd, null)).orElseThrow();

        assertThat(EnvelopeCodec.toJson(envelope))
                .contains("{\"id\":\"665f1c2b9d3e4a0012345678\",\"nan\":\"NaN\",\"infinite\":\"Infinity\","
                        + "\"negativeZero\":0,\"exact\":12.50}");
    }

    @Test
    void anIdIsTheSameStringInTheInsertAndInTheDeleteWhateverItsType() {
        for (BsonValue id : List.of(new BsonString("isbn-1"), new BsonInt32(42), new BsonInt64(1L << 40),
                new BsonDocument("shop", new BsonString("b")).append("n", new BsonInt32(1)))) {
            Document inserted = DocumentJson.decode(new BsonDocument("_id", id).append("title", new BsonString("T")));
            String created = ChangeEnvelopes.toEnvelope("books", change("insert", inserted, null, id)).orElseThrow()
                    .data().path("id").asString();
            String deleted = ChangeEnvelopes.toEnvelope("books", change("delete", null, null, id)).orElseThrow()
                    .data().path("id").asString();

            assertThat(deleted).as("id %s", id).isEqualTo(created);
        }
        assertThat(DocumentJson.idString(new BsonInt32(42))).isEqualTo("42");
        assertThat(DocumentJson.idString(new BsonDocument("n", new BsonInt32(1)))).isEqualTo("{\"n\": 1}");
    }

    @Test
    void aReplaceIsAnUpdateWithTheWholeDocumentAndNoChangedFields() {
        Document replaced = new Document("_id", BOOK).append("title", "Dune Messiah");

        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("replace", replaced, null)).orElseThrow();

        assertThat(envelope.type()).isEqualTo("book:updated");
        assertThat(envelope.data().toString()).isEqualTo("{\"id\":\"665f1c2b9d3e4a0012345678\",\"title\":\"Dune Messiah\"}");
        assertThat(envelope.changed()).isNull();
    }

    @Test
    void anOrderWithoutAUsableUserIdGoesToAdminsOnly() {
        for (Object userId : new Object[] {null, 42, "", "not a topic!"}) {
            Document order = new Document("_id", BOOK).append("status", "pending");
            if (userId != null) {
                order.append("userId", userId);
            }

            Envelope envelope = ChangeEnvelopes.toEnvelope("orders", change("insert", order, null)).orElseThrow();

            assertThat(envelope.topic()).as("userId %s", userId).isEqualTo("admin");
        }
    }

    @Test
    void anOrdersDeleteMapsToNothing() {
        assertThat(ChangeEnvelopes.toEnvelope("orders", change("delete", null, null))).isEmpty();
    }

    @Test
    void aDocumentThatCannotBeMappedIsSentAsItsIdFlaggedTruncated() {
        Document unreadable = new Document("_id", BOOK) {
            @Override
            public Set<Map.Entry<String, Object>> entrySet() {
                throw new IllegalStateException("unreadable");
            }
        };

        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("insert", unreadable, null)).orElseThrow();

        assertThat(envelope.data().toString()).isEqualTo("{\"id\":\"665f1c2b9d3e4a0012345678\"}");
        assertThat(envelope.truncated()).isTrue();
    }

    @Test
    void droppingTheCollectionIsAResetForEveryone() {
        Envelope envelope = ChangeEnvelopes.toEnvelope("books", change("drop", null, null)).orElseThrow();

        assertThat(envelope.type()).isEqualTo("sync:reset");
        assertThat(envelope.topic()).isEqualTo("*");
        assertThat(envelope.token()).isEqualTo("8200AB");
        assertThat(envelope.data().toString()).isEqualTo("{\"collection\":\"books\",\"reason\":\"dropped\"}");
    }

    @Test
    void renamingTheCollectionIsAResetNamingBothNames() {
        ChangeStreamDocument<Document> rename = new ChangeStreamDocument<>("rename", new BsonDocument("_data", new BsonString("8200AC")),
                new BsonDocument("db", new BsonString("bookhub")).append("coll", new BsonString("books")), null,
                new BsonDocument("db", new BsonString("bookhub")).append("coll", new BsonString("novels")), null, null, null,
                new BsonTimestamp(1763805600, 2), null, null, null, new BsonDateTime(WALL.toEpochMilli()), null, null);

        Envelope envelope = ChangeEnvelopes.toEnvelope("books", rename).orElseThrow();

        assertThat(envelope.type()).isEqualTo("sync:reset");
        assertThat(envelope.data().toString())
                .isEqualTo("{\"collection\":\"books\",\"reason\":\"renamed\",\"from\":\"books\",\"to\":\"novels\"}");
    }

    @Test
    void aResetAfterLostHistoryNamesBothPositions() {
        Envelope envelope = ResetEnvelopes.historyLost("orders", ResetEnvelopes.Reason.HISTORY_LOST, "8200AA", "8200FF", WALL);

        assertThat(envelope.type()).isEqualTo("sync:reset");
        assertThat(envelope.topic()).isEqualTo("*");
        assertThat(envelope.token()).isEqualTo("8200FF");
        assertThat(envelope.data().toString())
                .isEqualTo("{\"collection\":\"orders\",\"reason\":\"history_lost\",\"lost\":\"8200AA\",\"resumed\":\"8200FF\"}");
    }

    static ChangeStreamDocument<Document> insert(Document document) {
        return change("insert", document, null);
    }

    static ChangeStreamDocument<Document> change(String operation, Document fullDocument, UpdateDescription description) {
        return change(operation, fullDocument, description, new BsonObjectId(BOOK));
    }

    private static ChangeStreamDocument<Document> change(String operation, Document fullDocument, UpdateDescription description,
                                                         BsonValue id) {
        return new ChangeStreamDocument<>(operation, new BsonDocument("_data", new BsonString("8200AB")),
                new BsonDocument("db", new BsonString("bookhub")).append("coll", new BsonString("books")), null, null,
                fullDocument, null, new BsonDocument("_id", id), new BsonTimestamp(1763805600, 1),
                description, null, null, new BsonDateTime(WALL.toEpochMilli()), null, null);
    }
}
