package live.bookhub.infra.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import live.bookhub.infra.LocalStack;
import org.bson.Document;

/**
 * Waits until a write to MongoDB reaches a WebSocket client: healthy processes are not yet a live
 * pipeline (a fresh watcher opens its change streams "from now", a moment after it reports UP).
 */
final class PipelineProbe {

    private static final String PROBE = "pipeline probe";

    private PipelineProbe() {
    }

    static void awaitLive(LocalStack stack) {
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books");
             MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            MongoCollection<Document> books = mongo.getDatabase("bookhub").getCollection("books");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                books.insertOne(new Document("title", PROBE));
                return client.events().stream().anyMatch(event -> PROBE.equals(event.path("data").path("title").asString()));
            });
            books.deleteMany(new Document("title", PROBE));
        }
    }
}
