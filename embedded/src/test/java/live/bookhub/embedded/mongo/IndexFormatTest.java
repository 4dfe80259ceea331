package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import live.bookhub.embedded.EmbeddedMongo;

/** Unique indexes keep the stock H2 backend's file format and key order: a data folder written before still reads. */
class IndexFormatTest {

    @TempDir
    Path dataDir;

    @Test
    void uniqueIndexesWrittenByTheStockBackendFindEveryKeyAndStillRefuseDuplicates() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(i % 3 == 0 ? new ObjectId() : i % 3 == 1 ? "book-" + i : (Object) i);
        }
        MVStore store = MVStore.open(dataDir.resolve("mongo.mv").toString());
        MongoServer stock = new MongoServer(new H2Backend(store));
        InetSocketAddress address = stock.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> books = client.getDatabase("bookhub").getCollection("books");
            books.createIndex(Indexes.ascending("isbn"), new IndexOptions().unique(true));
            for (int i = 0; i < ids.size(); i++) {
                books.insertOne(new Document("_id", ids.get(i)).append("isbn", "isbn-" + i));
            }
        } finally {
            stock.shutdownNow();
            store.close();
        }

        try (MongoFixture mongo = MongoFixture.start(dataDir, EmbeddedMongo.Options.defaults())) {
            for (int i = 0; i < ids.size(); i++) {
                Document book = mongo.books().find(Filters.eq("_id", ids.get(i))).first();
                assertThat(book).as("book %s", ids.get(i)).isNotNull();
                assertThat(book.getString("isbn")).isEqualTo("isbn-" + i);
                assertThat(mongo.books().find(Filters.eq("isbn", "isbn-" + i)).first()).isNotNull();
            }
            assertThatThrownBy(() -> mongo.books().insertOne(new Document("_id", ids.get(7)).append("isbn", "new")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> mongo.books().insertOne(new Document("_id", "other").append("isbn", "isbn-8")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            mongo.books().deleteOne(Filters.eq("_id", ids.get(9)));
            mongo.books().insertOne(new Document("_id", ids.get(9)).append("isbn", "isbn-9"));
            assertThat(mongo.books().countDocuments()).isEqualTo(ids.size());
        }
    }
}
