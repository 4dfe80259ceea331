package live.bookhub.embedded.mongo;

import static live.bookhub.embedded.mongo.ChangeEventShapeTest.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.ChangeStreamIterable;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.ChangeStreamPreAndPostImagesOptions;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.FullDocumentBeforeChange;

/** Change stream options and pipelines, answered as MongoDB 6.0 answers them. */
class ChangeStreamOptionsTest {

    @AutoClose
    private final MongoFixture mongo = MongoFixture.inMemory();

    @Test
    void aPipelineThatRemovesTheResumeTokenFailsWithChangeStreamFatalErrorNonResumable() {
        try (var cursor = raw(mongo.books().watch(List.of(new Document("$project", new Document("_id", 0)))))) {
            mongo.books().insertOne(new Document("_id", 1));

            assertThatThrownBy(() -> next(cursor)).isInstanceOfSatisfying(MongoCommandException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(280);
                assertThat(e.getErrorCodeName()).isEqualTo("ChangeStreamFatalError");
                assertThat(e.getErrorLabels()).contains("NonResumableChangeStreamError");
            });
        }
    }

    @Test
    void dottedProjectPathsNameFieldsInsideSubDocuments() {
        List<Document> pipeline = List.of(new Document("$project", new Document("operationType", 1)
                .append("ns.coll", 1).append("ns.viewOn", "$ns.db").append("documentKey", new Document("_id", 1))));
        try (var cursor = raw(mongo.books().watch(pipeline))) {
            mongo.books().insertOne(new Document("_id", 1).append("title", "Dune"));

            BsonDocument event = next(cursor);
            assertThat(event.keySet()).containsExactlyInAnyOrder("_id", "operationType", "ns", "documentKey");
            assertThat(event.getDocument("ns")).isEqualTo(new BsonDocument("coll", new BsonString("books"))
                    .append("viewOn", new BsonString("bookhub")));
        }
        try (var cursor = raw(mongo.books().watch(List.of(new Document("$project", new Document("ns.db", 0)))))) {
            mongo.books().insertOne(new Document("_id", 2));

            assertThat(next(cursor).getDocument("ns")).isEqualTo(new BsonDocument("coll", new BsonString("books")));
        }
    }

    @Test
    void showExpandedEventsAddsCreateIndexEventsAndCollectionUuids() {
        try (var expanded = raw(mongo.db().watch().showExpandedEvents(true));
             var plain = raw(mongo.db().watch())) {
            mongo.db().createCollection("shelves");
            mongo.db().getCollection("shelves").createIndex(Indexes.ascending("x"));
            mongo.db().getCollection("shelves").dropIndex("x_1");
            mongo.db().getCollection("shelves").insertOne(new Document("_id", 1));

            List<BsonDocument> events = List.of(next(expanded), next(expanded), next(expanded), next(expanded));
            assertThat(events).extracting(event -> event.getString("operationType").getValue())
                    .containsExactly("create", "createIndexes", "dropIndexes", "insert");
            assertThat(events).extracting(event -> event.getBinary("collectionUUID").getType()).containsOnly((byte) 4);
            assertThat(events).extracting(event -> event.getBinary("collectionUUID")).containsOnly(events.get(0).getBinary("collectionUUID"));
            assertThat(events.get(0).getDocument("operationDescription").getDocument("idIndex").getString("name").getValue()).isEqualTo("_id_");
            assertThat(events.get(1).getDocument("operationDescription").getArray("indexes").get(0).asDocument().getString("name").getValue())
                    .isEqualTo("x_1");

            BsonDocument insert = next(plain);
            assertThat(insert.getString("operationType").getValue()).isEqualTo("insert");
            assertThat(insert.containsKey("collectionUUID")).isFalse();
        }
    }

    @Test
    void collModSwitchesImagesOnAndStreamsGetThePreAndPostImages() {
        mongo.books().insertOne(new Document("_id", 1).append("title", "Dune").append("stock", 3));
        mongo.db().runCommand(new Document("collMod", "books")
                .append("changeStreamPreAndPostImages", new Document("enabled", true)));
        assertThat(options("books")).isEqualTo(new Document("changeStreamPreAndPostImages", new Document("enabled", true)));

        try (var cursor = watchWithImages(FullDocument.WHEN_AVAILABLE, FullDocumentBeforeChange.REQUIRED)) {
            mongo.books().updateOne(Filters.eq("_id", 1), Updates.inc("stock", -1));
            mongo.books().deleteOne(Filters.eq("_id", 1));

            ChangeStreamDocument<Document> update = next(cursor);
            assertThat(update.getFullDocumentBeforeChange()).isEqualTo(new Document("_id", 1).append("title", "Dune").append("stock", 3));
            assertThat(update.getFullDocument()).isEqualTo(new Document("_id", 1).append("title", "Dune").append("stock", 2));
            ChangeStreamDocument<Document> delete = next(cursor);
            assertThat(delete.getFullDocumentBeforeChange()).isEqualTo(new Document("_id", 1).append("title", "Dune").append("stock", 2));
        }
    }

    @Test
    void withoutImagesWhenAvailableIsNullAndRequiredFailsOnlyOnTheEventWithoutOne() {
        mongo.books().insertOne(new Document("_id", 1).append("stock", 3));

        try (var available = watchWithImages(FullDocument.WHEN_AVAILABLE, FullDocumentBeforeChange.WHEN_AVAILABLE);
             var required = watchWithImages(FullDocument.DEFAULT, FullDocumentBeforeChange.REQUIRED)) {
            mongo.books().insertOne(new Document("_id", 2));
            assertThat(next(required).getFullDocument()).isEqualTo(new Document("_id", 2));
            mongo.books().updateOne(Filters.eq("_id", 1), Updates.inc("stock", -1));

            assertThat(next(available).getFullDocument()).isEqualTo(new Document("_id", 2));
            ChangeStreamDocument<Document> update = next(available);
            assertThat(update.getFullDocument()).isNull();
            assertThat(update.getFullDocumentBeforeChange()).isNull();
            assertThatThrownBy(() -> next(required)).isInstanceOfSatisfying(MongoCommandException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(47);
                assertThat(e.getErrorCodeName()).isEqualTo("NoMatchingDocument");
                assertThat(e.getErrorMessage()).startsWith("Change stream was configured to require a pre-image");
            });
        }
    }

    @Test
    void createWithTheOptionAndCollModAreShownAsTheyAreSet() {
        mongo.db().createCollection("orders", new CreateCollectionOptions()
                .changeStreamPreAndPostImagesOptions(new ChangeStreamPreAndPostImagesOptions(true)));
        assertThat(options("orders")).isEqualTo(new Document("changeStreamPreAndPostImages", new Document("enabled", true)));

        try (var cursor = raw(mongo.db().watch().showExpandedEvents(true))) {
            mongo.db().runCommand(new Document("collMod", "orders").append("changeStreamPreAndPostImages", new Document("enabled", false)));

            BsonDocument modify = next(cursor);
            assertThat(modify.getString("operationType").getValue()).isEqualTo("modify");
            assertThat(modify.getDocument("operationDescription").getDocument("changeStreamPreAndPostImages").getBoolean("enabled").getValue()).isFalse();
        }
        assertThat(options("orders")).isEmpty();
        assertThatThrownBy(() -> mongo.db().runCommand(new Document("collMod", "nothing")
                .append("changeStreamPreAndPostImages", new Document("enabled", true))))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(26));
    }

    /** The events as the server sent them, whatever their shape. */
    private static MongoCursor<BsonDocument> raw(ChangeStreamIterable<Document> stream) {
        return stream.maxAwaitTime(100, TimeUnit.MILLISECONDS).withDocumentClass(BsonDocument.class).cursor();
    }

    private MongoChangeStreamCursor<ChangeStreamDocument<Document>> watchWithImages(FullDocument post, FullDocumentBeforeChange pre) {
        return mongo.books().watch().fullDocument(post).fullDocumentBeforeChange(pre).maxAwaitTime(100, TimeUnit.MILLISECONDS).cursor();
    }

    private Document options(String collection) {
        List<Document> infos = mongo.db().listCollections().filter(Filters.eq("name", collection)).into(new ArrayList<>());
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).get("info", Document.class).get("uuid")).isNotNull();
        return infos.get(0).get("options", Document.class);
    }
}
