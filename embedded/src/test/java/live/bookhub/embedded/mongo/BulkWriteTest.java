package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;

import live.bookhub.embedded.EmbeddedMongo;

/**
 * A DBA's bulk writes on a persisted store with the books' unique sparse index: results, one change per
 * document in order, unique keys kept on update, and the documents as written after a restart.
 */
class BulkWriteTest {

    private static final int BOOKS = 600;

    @TempDir
    Path dataDir;

    @Test
    void updateManyChangesEveryBookOnceInOrderAndUniqueKeysHoldAcrossARestart() {
        List<ObjectId> ids = new ArrayList<>();
        Date created = new Date(1_790_000_000_000L);
        try (MongoFixture mongo = MongoFixture.start(dataDir, EmbeddedMongo.Options.defaults())) {
            mongo.books().createIndex(Indexes.ascending("isbn"), new IndexOptions().unique(true).sparse(true).name("isbn"));
            List<Document> books = new ArrayList<>();
            for (int i = 0; i < BOOKS; i++) {
                Document book = new Document("title", "Book " + i).append("stock", 5).append("createdAt", created)
                        .append("tags", List.of("t" + i % 3)).append("views", 10_000_000_000L + i);
                if (i % 2 == 0) {
                    book.append("isbn", "isbn-" + i);
                }
                books.add(book);
            }
            mongo.books().insertMany(books);
            books.forEach(book -> ids.add(book.getObjectId("_id")));

            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> changes =
                         mongo.books().watch().batchSize(1000).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
                var result = mongo.books().updateMany(Filters.empty(), Updates.inc("stock", 1));
                assertThat(result.getMatchedCount()).isEqualTo(BOOKS);
                assertThat(result.getModifiedCount()).isEqualTo(BOOKS);
                List<ObjectId> changed = new ArrayList<>();
                while (changed.size() < BOOKS) {
                    ChangeStreamDocument<Document> change = changes.next();
                    assertThat(change.getOperationTypeString()).isEqualTo("update");
                    assertThat(change.getUpdateDescription().getUpdatedFields()).containsOnlyKeys("stock");
                    changed.add(change.getDocumentKey().getObjectId("_id").getValue());
                }
                assertThat(changed).containsExactlyElementsOf(ids);
            }

            // an isbn taken by another book is refused and changes nothing; a freed one can be taken again
            assertThatThrownBy(() -> mongo.books().updateOne(Filters.eq("_id", ids.get(1)), Updates.set("isbn", "isbn-0")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCode()).isEqualTo(11000));
            assertThat(mongo.books().find(Filters.eq("_id", ids.get(1))).first()).doesNotContainKey("isbn");
            mongo.books().updateOne(Filters.eq("_id", ids.get(0)), Updates.set("isbn", "isbn-new"));
            mongo.books().updateOne(Filters.eq("_id", ids.get(1)), Updates.set("isbn", "isbn-0"));
            mongo.books().updateOne(Filters.eq("_id", ids.get(2)), Updates.unset("isbn"));
            assertThatThrownBy(() -> mongo.books().insertOne(new Document("isbn", "isbn-new")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCode()).isEqualTo(11000));
        }

        try (MongoFixture mongo = MongoFixture.start(dataDir, EmbeddedMongo.Options.defaults())) {
            assertThat(mongo.books().countDocuments()).isEqualTo(BOOKS);
            Document first = mongo.books().find(Filters.eq("_id", ids.get(0))).first();
            assertThat(first).isEqualTo(new Document("_id", ids.get(0)).append("title", "Book 0").append("stock", 6)
                    .append("createdAt", created).append("tags", List.of("t0")).append("views", 10_000_000_000L).append("isbn", "isbn-new"));
            assertThat(mongo.books().find(Filters.eq("isbn", "isbn-0")).first().getObjectId("_id")).isEqualTo(ids.get(1));
            assertThatThrownBy(() -> mongo.books().insertOne(new Document("isbn", "isbn-4")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCode()).isEqualTo(11000));
            mongo.books().insertOne(new Document("isbn", "isbn-2")); // freed by the unset before the restart
            assertThat(mongo.books().countDocuments(Filters.exists("isbn", false))).isEqualTo(BOOKS / 2);
        }
    }
}
