package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.OperationType;

class ChangeEventShapeTest {

    @AutoClose
    private final MongoFixture mongo = MongoFixture.inMemory();

    @Test
    void insertCarriesTheDocumentAndItsIdAsDocumentKey() {
        try (var cursor = watch(FullDocument.DEFAULT)) {
            mongo.books().insertOne(new Document("_id", 1).append("title", "Dune"));

            ChangeStreamDocument<Document> event = next(cursor);
            assertThat(event.getOperationType()).isEqualTo(OperationType.INSERT);
            assertThat(event.getDocumentKey()).isEqualTo(new BsonDocument("_id", new BsonInt32(1)));
            assertThat(event.getFullDocument()).isEqualTo(new Document("_id", 1).append("title", "Dune"));
            assertThat(event.getNamespace().getFullName()).isEqualTo("bookhub.books");
            assertThat(event.getClusterTime()).isNotNull();
            assertThat(event.getWallTime()).isNotNull();
        }
    }

    @Test
    void updateHasIdAsDocumentKeyAndDescribesSetIncAndUnset() {
        mongo.books().insertOne(new Document("_id", 1).append("title", "Dune").append("price", 10).append("stock", 3)
                .append("draft", true));
        try (var cursor = watch(FullDocument.DEFAULT)) {
            mongo.books().updateOne(Filters.eq("_id", 1),
                    Updates.combine(Updates.set("title", "Dune Messiah"), Updates.inc("stock", 2), Updates.unset("draft")));

            ChangeStreamDocument<Document> event = next(cursor);
            assertThat(event.getOperationType()).isEqualTo(OperationType.UPDATE);
            assertThat(event.getDocumentKey()).isEqualTo(new BsonDocument("_id", new BsonInt32(1)));
            assertThat(event.getFullDocument()).isNull();
            assertThat(event.getUpdateDescription().getUpdatedFields())
                    .isEqualTo(new BsonDocument("title", new BsonString("Dune Messiah")).append("stock", new BsonInt32(5)));
            assertThat(event.getUpdateDescription().getRemovedFields()).containsExactly("draft");
            assertThat(event.getUpdateDescription().getTruncatedArrays()).isEmpty();
        }
    }

    @Test
    void replacementIsAReplaceEventWithTheNewDocument() {
        mongo.books().insertOne(new Document("_id", 1).append("title", "Dune"));
        try (var cursor = watch(FullDocument.DEFAULT)) {
            mongo.books().replaceOne(Filters.eq("_id", 1), new Document("title", "Emma"));

            ChangeStreamDocument<Document> event = next(cursor);
            assertThat(event.getOperationType()).isEqualTo(OperationType.REPLACE);
            assertThat(event.getDocumentKey()).isEqualTo(new BsonDocument("_id", new BsonInt32(1)));
            assertThat(event.getFullDocument()).isEqualTo(new Document("_id", 1).append("title", "Emma"));
        }
    }

    @Test
    void deleteHasIdAsDocumentKey() {
        mongo.books().insertOne(new Document("_id", 7).append("title", "Dune"));
        try (var cursor = watch(FullDocument.DEFAULT)) {
            mongo.books().deleteOne(Filters.eq("title", "Dune"));

            ChangeStreamDocument<Document> event = next(cursor);
            assertThat(event.getOperationType()).isEqualTo(OperationType.DELETE);
            assertThat(event.getDocumentKey()).isEqualTo(new BsonDocument("_id", new BsonInt32(7)));
        }
    }

    @Test
    void updateLookupReadsTheCurrentDocumentOrNullWhenItIsGone() {
        mongo.books().insertOne(new Document("_id", 1).append("title", "Dune").append("price", 10));
        try (var cursor = watch(FullDocument.UPDATE_LOOKUP)) {
            mongo.books().updateOne(Filters.eq("_id", 1), Updates.set("price", 12));
            assertThat(next(cursor).getFullDocument())
                    .isEqualTo(new Document("_id", 1).append("title", "Dune").append("price", 12));

            mongo.books().updateOne(Filters.eq("_id", 1), Updates.set("price", 13));
            mongo.books().deleteOne(Filters.eq("_id", 1));
            ChangeStreamDocument<Document> updateOfDeleted = next(cursor);
            assertThat(updateOfDeleted.getOperationType()).isEqualTo(OperationType.UPDATE);
            assertThat(updateOfDeleted.getFullDocument()).isNull();
        }
    }

    @Test
    void findOneAndUpdateAndFindOneAndDeleteAreRecorded() {
        mongo.books().insertOne(new Document("_id", 1).append("stock", 3));
        try (var cursor = watch(FullDocument.DEFAULT)) {
            mongo.books().findOneAndUpdate(Filters.eq("_id", 1), Updates.inc("stock", -1),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            mongo.books().findOneAndDelete(Filters.eq("_id", 1));

            ChangeStreamDocument<Document> update = next(cursor);
            assertThat(update.getOperationType()).isEqualTo(OperationType.UPDATE);
            assertThat(update.getUpdateDescription().getUpdatedFields()).isEqualTo(new BsonDocument("stock", new BsonInt32(2)));
            assertThat(next(cursor).getOperationType()).isEqualTo(OperationType.DELETE);
        }
    }

    @Test
    void aDuplicateKeyInsertIsNotAnEvent() {
        mongo.books().insertOne(new Document("_id", 1));
        try (var cursor = watch(FullDocument.DEFAULT)) {
            try {
                mongo.books().insertOne(new Document("_id", 1).append("title", "again"));
            } catch (com.mongodb.MongoWriteException expected) {
                // the refused insert must leave no trace in the stream
            }
            mongo.books().insertOne(new Document("_id", 2));

            assertThat(next(cursor).getDocumentKey()).isEqualTo(new BsonDocument("_id", new BsonInt32(2)));
        }
    }

    @Test
    void aPipelineAfterChangeStreamFiltersEvents() {
        try (var cursor = mongo.books().watch(List.of(new Document("$match", new Document("operationType", "delete"))))
                .maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            mongo.books().insertOne(new Document("_id", 1));
            mongo.books().deleteOne(Filters.eq("_id", 1));

            assertThat(next(cursor).getOperationType()).isEqualTo(OperationType.DELETE);
        }
    }

    private MongoChangeStreamCursor<ChangeStreamDocument<Document>> watch(FullDocument fullDocument) {
        return mongo.books().watch().fullDocument(fullDocument).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor();
    }

    static <T> T next(MongoCursor<T> cursor) {
        for (int attempt = 0; attempt < 50; attempt++) {
            T next = cursor.tryNext();
            if (next != null) {
                return next;
            }
        }
        throw new AssertionError("no change event within 50 awaited getMores");
    }
}
