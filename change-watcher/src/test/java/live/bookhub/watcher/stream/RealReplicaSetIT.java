package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoCollection;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

/**
 * The watcher's code, unchanged, against a real MongoDB replica set: the embedded server's oplog
 * imitates MongoDB's change events, and this is where the imitation is checked against the real
 * thing. Skipped, with JUnit saying so, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealReplicaSetIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Test
    void insertUpdateReplaceAndDeleteBecomeTheSameEnvelopesAsOnTheEmbeddedServer() {
        try (Backends backends = Backends.withMongo(MONGO.getReplicaSetUrl("bookhub"));
             WatcherReplica watcher = WatcherReplica.start(backends, "real").awaitStreaming()) {
            MongoCollection<Document> books = backends.db().getCollection("books");
            ObjectId id = new ObjectId();
            books.insertOne(new Document("_id", id).append("title", "Dune").append("price", 1299).append("stock", 4));
            books.updateOne(new Document("_id", id), new Document("$set", new Document("price", 999)));
            books.replaceOne(new Document("_id", id), new Document("title", "Dune Messiah").append("price", 1099));
            books.deleteOne(new Document("_id", id));

            await().atMost(Duration.ofSeconds(30)).until(() -> eventsFor(backends, id).size() == 4);
            List<JsonNode> events = eventsFor(backends, id);

            assertThat(events).extracting(event -> event.path("type").asString())
                    .containsExactly("book:created", "book:updated", "book:updated", "book:deleted");
            assertThat(events.get(0).path("data").path("title").asString()).isEqualTo("Dune");
            assertThat(events.get(1).path("data").path("price").asInt()).isEqualTo(999);
            assertThat(events.get(1).path("changed").toString()).isEqualTo("[\"price\"]");
            assertThat(events.get(2).path("data").path("title").asString()).isEqualTo("Dune Messiah");
            assertThat(events.get(3).path("data").path("id").asString()).isEqualTo(id.toHexString());
        }
    }

    private static List<JsonNode> eventsFor(Backends backends, ObjectId id) {
        return backends.events().stream()
                .filter(event -> event.path("data").path("id").asString().equals(id.toHexString()))
                .toList();
    }
}
