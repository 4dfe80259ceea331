package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

/** {@code $currentOp} lists what other connections are executing; killOp says it cannot interrupt them. */
class CurrentOpTest {

    @AutoClose
    private final MongoFixture mongo = MongoFixture.inMemory();

    @Test
    void anUpdateUnderWayOnAnotherConnectionIsListedWithItsNamespaceAndCommand() {
        mongo.books().insertMany(IntStream.range(0, 1000).mapToObj(i -> new Document("_id", i).append("n", 0)).toList());
        AtomicBoolean seen = new AtomicBoolean();
        // Updates again and again until one is caught under way: however fast the machine, one is.
        CompletableFuture<Void> updates = CompletableFuture.runAsync(() -> {
            while (!seen.get()) {
                mongo.books().updateMany(new Document(), Updates.inc("n", 1));
            }
        });
        try {
            Document update = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> currentOp(new Document("op", "update")), ops -> !ops.isEmpty()).get(0);
            seen.set(true);

            assertThat(update.getString("ns")).isEqualTo("bookhub.books");
            assertThat(update.getBoolean("active")).isTrue();
            assertThat(update.get("opid", Number.class).longValue()).isPositive();
            assertThat(update.getString("client")).startsWith("127.0.0.1:");
            Document command = update.get("command", Document.class);
            assertThat(command.getString("update")).isEqualTo("books");
            assertThat(command).doesNotContainKey("updates");
        } finally {
            seen.set(true);
            updates.join();
        }
    }

    @Test
    void killOpIsRefusedAsNotSupported() {
        MongoDatabase admin = mongo.client.getDatabase("admin");

        assertThatThrownBy(() -> admin.runCommand(new Document("killOp", 1).append("op", 12)))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(115);
                    assertThat(e.getErrorCodeName()).isEqualTo("CommandNotSupported");
                });
    }

    private List<Document> currentOp(Document match) {
        return mongo.client.getDatabase("admin").aggregate(List.of(new Document("$currentOp", new Document("allUsers", true)),
                new Document("$match", match))).into(new ArrayList<>());
    }
}
