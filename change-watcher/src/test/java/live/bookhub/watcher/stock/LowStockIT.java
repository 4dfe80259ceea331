package live.bookhub.watcher.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import live.bookhub.events.EventStream;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Admins' low-stock alerts, derived from each book update's before and after: one per crossing of the
 * threshold, right after its change, and never a second one when the watcher reads the change again
 * (a crash between the change's append and its alert's, or a restart from an older checkpoint).
 */
class LowStockIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @AutoClose
    private final Backends backends = Backends.start();

    @BeforeEach
    void booksKeepPreImages() {
        backends.db().getCollection("books").insertOne(new Document("title", "Low").append("genre", "poetry").append("stock", 5));
        backends.db().runCommand(new Document("collMod", "books").append("changeStreamPreAndPostImages", new Document("enabled", true)));
    }

    @Test
    void stockFiveThreeTwoEightWithAThresholdOfThreeGivesOneLowStockThenOneRestocked() {
        try (WatcherReplica watcher = startWatcher()) {
            setStock(3);
            setStock(2);
            setStock(8);
            await().atMost(WAIT).until(() -> backends.events("book:restocked").size() == 1);
        }

        assertThat(types()).containsExactly("book:updated", "book:low-stock", "book:updated", "book:updated", "book:restocked");
        JsonNode low = backends.events("book:low-stock").get(0);
        assertThat(low.path("topic").asString()).isEqualTo("admin");
        assertThat(low.path("data").toString()).isEqualTo("{\"id\":\"" + bookId() + "\",\"title\":\"Low\",\"stock\":3,\"threshold\":3}");
        JsonNode change = backends.events().get(0);
        assertThat(low.path("token").asString()).isEqualTo(change.path("token").asString() + "!low-stock");
        assertThat(backends.events("book:restocked").get(0).path("data").path("stock").asInt()).isEqualTo(8);
        // the old values of the filterable fields, for the gateways' filters
        assertThat(change.path("before").toString()).isEqualTo("{\"genre\":\"poetry\",\"stock\":5}");
        assertThat(backends.events().get(2).path("before").path("stock").asInt()).isEqualTo(3);
    }

    @Test
    void aChangeReadAgainAfterACrashBeforeItsAlertGivesTheAlertOnceAndNoChangeTwice() {
        String beforeChange;
        try (WatcherReplica watcher = startWatcher()) {
            await().atMost(WAIT).until(() -> checkpoint() != null);
            beforeChange = checkpoint();
            setStock(3);
            await().atMost(WAIT).until(() -> backends.events("book:low-stock").size() == 1);
        }
        // As if the watcher died between the change's append and its alert's: the alert is not in the
        // stream, the change's token is the last appended, the checkpoint is from before the change.
        JsonNode change = backends.events("book:updated").get(0);
        backends.redis().xdel(EventStream.KEY, backends.events("book:low-stock").get(0).path("id").asString());
        backends.redis().set("bookhub:watcher:last-token:books", change.path("token").asString());
        storeCheckpoint(beforeChange);

        try (WatcherReplica watcher = startWatcher()) {
            setStock(2); // stays low: no alert
            await().atMost(WAIT).until(() -> backends.events("book:updated").size() == 2);
        }
        assertThat(types()).containsExactly("book:updated", "book:low-stock", "book:updated");
        assertThat(backends.events("book:low-stock").get(0).path("token").asString()).isEqualTo(change.path("token").asString() + "!low-stock");

        // Read again from before it all: nothing is appended twice.
        storeCheckpoint(beforeChange);
        try (WatcherReplica watcher = startWatcher()) {
            setStock(9);
            await().atMost(WAIT).until(() -> backends.events("book:restocked").size() == 1);
        }
        assertThat(types()).containsExactly("book:updated", "book:low-stock", "book:updated", "book:updated", "book:restocked");
    }

    private WatcherReplica startWatcher() {
        return WatcherReplica.start(backends, "a", "--bookhub.watcher.low-stock.threshold=3").awaitStreaming();
    }

    private void setStock(int stock) {
        backends.db().getCollection("books").updateOne(Filters.eq("title", "Low"), Updates.set("stock", stock));
    }

    private String bookId() {
        return backends.db().getCollection("books").find().first().getObjectId("_id").toHexString();
    }

    private List<String> types() {
        return backends.events().stream().map(event -> event.path("type").asString()).toList();
    }

    private String checkpoint() {
        Document checkpoint = backends.db().getCollection("watcher_checkpoints").find(Filters.eq("_id", "books")).first();
        return checkpoint == null ? null : checkpoint.getString("token");
    }

    private void storeCheckpoint(String token) {
        backends.db().getCollection("watcher_checkpoints").replaceOne(Filters.eq("_id", "books"),
                new Document("_id", "books").append("token", token), new ReplaceOptions().upsert(true));
    }
}
