package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.RandomBson;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BSONException;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz of the whole streaming loop: random documents (nested, huge, of every BSON type, with
 * odd keys) inserted and updated in MongoDB, each followed by a marker book. Every marker arrives, in
 * order: no document, however odd, wedges the change stream behind it.
 */
class OddDocumentsFuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);

    private final Backends backends = Backends.start();

    @AfterEach
    void stop() {
        backends.close();
    }

    @Test
    void noRandomDocumentStopsTheChangesAfterIt() {
        RandomBson bson = new RandomBson(SEED);
        MongoCollection<BsonDocument> books = backends.db().getCollection("books", BsonDocument.class);
        List<String> markers = new ArrayList<>();
        try (WatcherReplica watcher = WatcherReplica.start(backends, "fuzz").awaitStreaming()) {
            for (int i = 0; i < 80; i++) {
                BsonDocument document = bson.document(4).append("_id", new BsonInt32(i));
                try {
                    books.insertOne(document);
                    books.updateOne(Filters.eq("_id", i), new BsonDocument("$set", new BsonDocument(bson.path(), bson.value(2))));
                } catch (MongoException | BSONException refused) {
                    // refused, by the driver (a key BSON cannot carry) or the server (one it does not take;
                    // the embedded server's answer then may lack the code the driver reads): nothing to stream
                }
                String marker = "marker " + i;
                books.insertOne(new BsonDocument("title", new BsonString(marker)));
                markers.add(marker);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> titles().size() >= markers.size());

            assertThat(titles()).as("seed %d", SEED).containsExactlyElementsOf(markers);
            assertThat(watcher.isReady()).isTrue();
        }
    }

    private List<String> titles() {
        return backends.events("book:created").stream().map(event -> event.path("data").path("title").asString())
                .filter(title -> title.startsWith("marker ")).toList();
    }
}
