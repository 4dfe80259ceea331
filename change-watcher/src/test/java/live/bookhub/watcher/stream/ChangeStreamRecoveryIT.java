package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.mongodb.MongoNamespace;
import com.mongodb.client.model.Filters;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The streaming loop against a small bounded oplog: idle checkpoints, lost history, drop and rename. */
class ChangeStreamRecoveryIT {

    private static final long OPLOG_BYTES = 64 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Backends backends = Backends.withOplogOf(OPLOG_BYTES);

    @AfterEach
    void stop() {
        backends.close();
    }

    @Test
    void anIdleWatcherKeepsItsCheckpointInsideTheOplogSoARestartNeedsNoReset() {
        try (WatcherReplica watcher = WatcherReplica.start(backends, "a").awaitStreaming()) {
            insertBook("first");
            await().atMost(WAIT).until(() -> created("first"));
            String lastAppended = backends.redis().get("bookhub:watcher:last-token:books");
            fillOplog("noise", 4 * OPLOG_BYTES);
            String endOfFill = currentPosition();
            // The books stream saw no change, yet its checkpoint moves on with the oplog, past the whole
            // fill (a checkpoint still inside the fill would be trimmed by the next writes, the watcher's own).
            // Every stream is idle here, orders and users too: each checkpoint must pass the fill.
            await().atMost(WAIT).until(() -> !oplogHolds(lastAppended) && List.of("books", "orders", "users").stream()
                    .allMatch(collection -> checkpoint(collection).compareTo(endOfFill) >= 0));
        }
        try (WatcherReplica restarted = WatcherReplica.start(backends, "b").awaitStreaming()) {
            insertBook("second");
            await().atMost(WAIT).until(() -> created("second"));

            assertThat(backends.events("sync:reset")).isEmpty();
            assertThat(restarted.metric("bookhub_watcher_resets_total")).isZero();
        }
    }

    @Test
    void aPositionPushedOffTheOplogGivesOneResetPerStreamAndTheWatcherGoesOn() {
        String lost;
        try (WatcherReplica watcher = WatcherReplica.start(backends, "a").awaitStreaming()) {
            insertBook("before");
            await().atMost(WAIT).until(() -> created("before"));
        }
        // what is lost comes after the last change appended, which the checkpoint may be older than
        lost = backends.redis().get("bookhub:watcher:last-token:books");
        fillOplog("books", 4 * OPLOG_BYTES);

        try (WatcherReplica restarted = WatcherReplica.start(backends, "b")) {
            await().atMost(WAIT).until(() -> backends.events("sync:reset").size() == 3);
            insertBook("after");
            await().atMost(WAIT).until(() -> created("after"));

            List<JsonNode> resets = backends.events("sync:reset");
            assertThat(resets).extracting(reset -> reset.path("data").path("collection").asString())
                    .containsExactlyInAnyOrder("books", "orders", "users");
            JsonNode books = resets.stream().filter(reset -> reset.path("data").path("collection").asString().equals("books"))
                    .findFirst().orElseThrow();
            assertThat(books.path("topic").asString()).isEqualTo("*");
            assertThat(books.path("data").path("reason").asString()).isEqualTo("history_lost");
            assertThat(books.path("data").path("lost").asString()).isEqualTo(lost);
            assertThat(books.path("data").path("resumed").asString()).isEqualTo(books.path("token").asString()).isGreaterThan(lost);
            assertThat(backends.events("book:created")).extracting(event -> event.path("data").path("title").asString())
                    .containsExactly("before", "after"); // the changes in between were lost, and the reset says so
            assertThat(restarted.metric("bookhub_watcher_resets_total", "reason=\"history_lost\"")).isEqualTo(3);
            assertThat(restarted.get("/actuator/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPositionUnknownToThisDeploymentGivesAResetSayingSo() {
        backends.redis().set("bookhub:watcher:last-token:books", "7FFFFFFF00000001ABCDEF01");

        try (WatcherReplica watcher = WatcherReplica.start(backends, "a")) {
            await().atMost(WAIT).until(() -> backends.events("sync:reset").size() == 1);
            insertBook("after");
            await().atMost(WAIT).until(() -> created("after"));

            JsonNode reset = backends.events("sync:reset").get(0);
            assertThat(reset.path("data").path("reason").asString()).isEqualTo("unknown_position");
            assertThat(reset.path("data").path("lost").asString()).isEqualTo("7FFFFFFF00000001ABCDEF01");
        }
    }

    @Test
    void droppingOrRenamingTheCollectionGivesOneResetEachAndTheWatcherKeepsWatching() {
        try (WatcherReplica watcher = WatcherReplica.start(backends, "a").awaitStreaming()) {
            insertBook("one");
            await().atMost(WAIT).until(() -> created("one"));
            backends.db().getCollection("books").drop();
            insertBook("two");
            await().atMost(WAIT).until(() -> created("two"));
            backends.db().getCollection("books").renameCollection(new MongoNamespace("bookhub", "novels"));
            insertBook("three");
            await().atMost(WAIT).until(() -> created("three"));

            assertThat(backends.events()).extracting(event -> event.path("type").asString() + " "
                            + event.path("data").path("title").asString("") + event.path("data").path("reason").asString(""))
                    .containsExactly("book:created one", "sync:reset dropped", "book:created two", "sync:reset renamed",
                            "book:created three");
            JsonNode renamed = backends.events("sync:reset").get(1);
            assertThat(renamed.path("data").path("to").asString()).isEqualTo("novels");
            assertThat(watcher.metric("bookhub_watcher_errors_total")).isZero();
        }
    }

    private void insertBook(String title) {
        backends.db().getCollection("books").insertOne(new Document("title", title).append("price", 100));
    }

    private boolean created(String title) {
        return backends.events("book:created").stream().anyMatch(event -> event.path("data").path("title").asString().equals(title));
    }

    private String checkpoint(String collection) {
        Document checkpoint = backends.db().getCollection("watcher_checkpoints").find(Filters.eq("_id", collection)).first();
        return checkpoint == null ? "" : checkpoint.getString("token");
    }

    /** A position at or after the latest change: where a new change stream stands after its first read. */
    private String currentPosition() {
        try (var cursor = backends.db().watch().cursor()) {
            cursor.tryNext();
            return cursor.getResumeToken().getString("_data").getValue();
        }
    }

    /** Whether a change stream can still resume after this token. */
    private boolean oplogHolds(String token) {
        try (var cursor = backends.db().watch().resumeAfter(new org.bson.BsonDocument("_data", new org.bson.BsonString(token))).cursor()) {
            return true;
        } catch (com.mongodb.MongoServerException e) {
            return false;
        }
    }

    private void fillOplog(String collection, long bytes) {
        String payload = "x".repeat(1000);
        for (long written = 0; written < bytes; written += payload.length()) {
            backends.db().getCollection(collection).insertOne(new Document("title", "filler").append("payload", payload));
        }
    }
}
