package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;

import live.bookhub.embedded.EmbeddedMongo;

/** Collection commands answered as MongoDB 6.0 answers them, and storage that survives renames. */
class CollectionCommandsTest {

    @TempDir
    Path dataDir;

    @Test
    void droppingAMissingCollectionIsNamespaceNotFound() {
        try (MongoFixture mongo = MongoFixture.inMemory()) {
            assertThatThrownBy(() -> mongo.db().runCommand(new Document("drop", "nothing")))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(26);
                        assertThat(e.getErrorCodeName()).isEqualTo("NamespaceNotFound");
                    });
            // The driver's drop() treats 26 as "already gone", as on MongoDB.
            mongo.db().getCollection("nothing").drop();
        }
    }

    @Test
    void droppingAMissingIndexIsIndexNotFoundAndOnAMissingCollectionNamespaceNotFound() {
        try (MongoFixture mongo = MongoFixture.inMemory()) {
            mongo.books().insertOne(new Document("_id", 1));

            assertThatThrownBy(() -> mongo.books().dropIndex("x_1"))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCodeName()).isEqualTo("IndexNotFound"));
            assertThatThrownBy(() -> mongo.db().runCommand(new Document("dropIndexes", "nothing").append("index", "x_1")))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(26));
            assertThatThrownBy(() -> mongo.books().dropIndex("_id_"))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCodeName()).isEqualTo("InvalidOptions"));
        }
    }

    @Test
    void pipelineUpdatesWorkInUpdateOneUpdateManyUpsertAndFindOneAndUpdate() {
        try (MongoFixture mongo = MongoFixture.inMemory()) {
            mongo.books().insertMany(List.of(new Document("_id", 1).append("price", 10).append("draft", true),
                    new Document("_id", 2).append("price", 20)));

            mongo.books().updateOne(Filters.eq("_id", 1), List.of(
                    new Document("$set", new Document("price", new Document("$multiply", List.of("$price", 2)))),
                    new Document("$unset", "draft")));
            mongo.books().updateMany(Filters.exists("_id"), List.of(new Document("$set", new Document("seen", true))));
            mongo.books().updateOne(Filters.eq("_id", 3), List.of(new Document("$set", new Document("price", 5))),
                    new UpdateOptions().upsert(true));
            Document changed = mongo.books().findOneAndUpdate(Filters.eq("_id", 2),
                    List.of(new Document("$replaceWith", new Document("_id", "$_id").append("cost", "$price"))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));

            assertThat(changed).isEqualTo(new Document("_id", 2).append("cost", 20));
            assertThat(mongo.books().find().into(new java.util.ArrayList<>())).containsExactly(
                    new Document("_id", 1).append("price", 20).append("seen", true),
                    new Document("_id", 2).append("cost", 20),
                    new Document("_id", 3).append("price", 5));
        }
    }

    @Test
    void aPipelineStageThatCannotUpdateIsInvalidOptions() {
        try (MongoFixture mongo = MongoFixture.inMemory()) {
            mongo.books().insertOne(new Document("_id", 1));

            assertThatThrownBy(() -> mongo.books().updateOne(Filters.eq("_id", 1),
                    List.of(new Document("$match", new Document()))))
                    .isInstanceOfSatisfying(com.mongodb.MongoWriteException.class,
                            e -> assertThat(e.getError().getCode()).isEqualTo(72));
        }
    }

    /** Rename onto an existing collection, then reuse the old name with an index of the same name. */
    @Test
    void renameWithDropTargetThenReusingTheNameKeepsBothCollectionsAndTheDatabaseDroppable() {
        try (MongoFixture mongo = MongoFixture.inMemory()) {
            MongoDatabase db = mongo.db();
            db.getCollection("foo").insertOne(new Document("_id", "old foo"));
            db.getCollection("test").insertOne(new Document("_id", 1).append("x", 1));
            db.getCollection("test").createIndex(Indexes.ascending("x"));

            db.getCollection("test").renameCollection(new MongoNamespace("bookhub", "foo"),
                    new RenameCollectionOptions().dropTarget(true));
            db.getCollection("test").insertOne(new Document("_id", 1).append("x", 2));
            db.getCollection("test").createIndex(Indexes.ascending("x"));
            db.getCollection("test").dropIndex("x_1");

            assertThat(indexNames(db, "foo")).containsExactlyInAnyOrder("_id_", "x_1");
            assertThat(indexNames(db, "test")).containsExactly("_id_");
            db.getCollection("test").insertOne(new Document("_id", 2));
            db.getCollection("foo").insertOne(new Document("_id", 2));
            assertThat(db.getCollection("foo").find(Filters.eq("_id", 1)).first()).isEqualTo(new Document("_id", 1).append("x", 1));

            db.getCollection("foo").drop();
            db.drop();
            db.getCollection("afterwards").insertOne(new Document("_id", 1));
            assertThat(db.getCollection("afterwards").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void aRenamedCollectionIsFoundByIdAfterARestart() {
        try (MongoFixture mongo = MongoFixture.start(dataDir, EmbeddedMongo.Options.defaults())) {
            mongo.db().getCollection("drafts").insertOne(new Document("_id", 1).append("title", "Dune"));
            mongo.db().getCollection("drafts").renameCollection(new MongoNamespace("bookhub", "books"));
        }
        try (MongoFixture mongo = MongoFixture.start(dataDir, EmbeddedMongo.Options.defaults())) {
            assertThat(mongo.books().find(Filters.eq("_id", 1)).first()).isEqualTo(new Document("_id", 1).append("title", "Dune"));
            assertThatThrownBy(() -> mongo.books().insertOne(new Document("_id", 1)))
                    .isInstanceOfSatisfying(com.mongodb.MongoWriteException.class, e -> assertThat(e.getError().getCode()).isEqualTo(11000));
        }
    }

    private static List<String> indexNames(MongoDatabase db, String collection) {
        return db.getCollection(collection).listIndexes().map(index -> index.getString("name")).into(new java.util.ArrayList<>());
    }
}
