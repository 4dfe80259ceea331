package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import live.bookhub.embedded.EmbeddedMongo;
import live.bookhub.embedded.FreePorts;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.Replay;
import live.bookhub.infra.support.StreamHistory;
import live.bookhub.infra.support.WatcherAdmin;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The watcher when what it stands on fails: Redis away for 10 s, MongoDB stopped and started again,
 * its position pushed off the oplog, its collection dropped and renamed. These take services away or
 * destroy data, so they run on a stack of their own, with a 1 MB oplog and one gateway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WatcherDisruptionIT {

    private static final long OPLOG_BYTES = 1024 * 1024;
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String APPENDED = "bookhub_watcher_events_appended_total";

    private LocalStack stack;
    private WatcherAdmin watcher;
    private MongoClient mongo;

    @BeforeAll
    void startAStackOfItsOwn() throws IOException {
        Path home = Path.of(System.getProperty("bookhub.home", "..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory("bookhub-watcher-disruption");
        System.out.println("watcher disruption stack: data and logs in " + dataDir);
        stack = LocalStack.start(new StackSettings(home, dataDir, FreePorts.next(), List.of(FreePorts.next()),
                List.of(FreePorts.next()), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m"),
                List.of("--bookhub.watcher.checkpoint-interval=1s")),
                EmbeddedMongo.Options.defaults().withOplogMaxSizeBytes(OPLOG_BYTES));
        watcher = new WatcherAdmin(stack.watcher());
        mongo = MongoClients.create(stack.mongoUri());
        awaitStreaming();
    }

    @AfterAll
    void stopIt() {
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void redisStoppedFor10SecondsDuringABurstOfWritesLosesNothing() throws Exception {
        String batch = Api.unique("Redis");
        String lastIdBefore = lastStreamId();
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                written.add(insertBook(batch + " #" + written.size()));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25)); // pacing the burst, about 40 writes a second
            }
        });
        await().atMost(WAIT).until(() -> written.size() >= 40);
        double redisErrors = watcher.metric("bookhub_watcher_errors_total", "cause=\"redis\"");
        stack.redis().stop();
        try {
            await().atMost(WAIT).until(() -> watcher.metric("bookhub_watcher_errors_total", "cause=\"redis\"") > redisErrors);
            double appended = watcher.metric(APPENDED);
            int writtenWhileDown = written.size();
            // The outage lasts 10 s, while which the watcher appends nothing and MongoDB keeps taking writes.
            await().during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(12)).until(() -> watcher.metric(APPENDED) == appended);
            assertThat(written.size()).isGreaterThan(writtenWhileDown + 100);
        } finally {
            stack.redis().start();
        }
        int writtenAtRestart = written.size();
        await().atMost(WAIT).until(() -> written.size() >= writtenAtRestart + 40);
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> created(StreamHistory.read(stack), batch).size() >= written.size());

        assertThat(ids(created(StreamHistory.read(stack), batch))).containsExactlyElementsOf(written);
        // The gateway's Redis client reconnects with its own backoff; its health says when it is back.
        stack.gateways().get(0).awaitHealthy(WAIT);
        try (LiveClient resumed = LiveClient.connect(stack.gateways().get(0).port(), "topics=books&lastEventId=" + lastIdBefore)) {
            await().atMost(WAIT).until(() -> created(resumed.events(), batch).size() >= written.size());
            assertThat(ids(created(resumed.events(), batch))).containsExactlyElementsOf(written);
        }
    }

    @Test
    void mongoDbStoppedAndStartedAgainLosesAndDoublesNothing() {
        String batch = Api.unique("Mongo");
        List<String> written = new ArrayList<>();
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            for (int i = 0; i < 50; i++) {
                written.add(insertBook(batch + " #" + i));
            }
            stack.stopMongo();
            try {
                // A leader that cannot renew its lease stops publishing before the lease ends.
                await().atMost(WAIT).until(() -> !watcher.isLeader());
            } finally {
                stack.startMongo();
            }
            for (int i = 50; i < 100; i++) {
                written.add(insertBook(batch + " #" + i));
            }
            await().atMost(WAIT).until(watcher::isLeader);
            await().atMost(WAIT).until(() -> created(client.events(), batch).size() >= written.size());
            String sentinel = insertBook(batch + " sentinel");
            await().atMost(WAIT).until(() -> !client.eventsFor(sentinel).isEmpty());

            assertThat(ids(created(client.events(), batch))).containsExactlyElementsOf(written);
        }
    }

    @Test
    void aPositionPushedOffTheBoundedOplogLeadsToOneResetPerStreamAndAHealthyWatcher() {
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            String before = insertBook(Api.unique("Before"));
            await().atMost(WAIT).until(() -> !client.eventsFor(before).isEmpty());
            String lostToken = client.eventsFor(before).get(0).path("token").asString();
            double resets = watcher.metric("bookhub_watcher_resets_total");

            stack.watcher().stop(Duration.ofSeconds(20));
            try {
                flood(3 * OPLOG_BYTES);
            } finally {
                stack.watcher().start().awaitHealthy(START);
            }
            await().atMost(WAIT).until(() -> resetsFor(client, "books").size() == 1 && resetsFor(client, "orders").size() == 1);
            // users lost its position too: that reset is the gateways' (control), no client's.
            await().atMost(WAIT).until(() -> watcher.metric("bookhub_watcher_resets_total") - resets == 3);
            String after = insertBook(Api.unique("After"));
            await().atMost(WAIT).until(() -> !client.eventsFor(after).isEmpty());

            JsonNode reset = resetsFor(client, "books").get(0);
            assertThat(reset.path("topic").asString()).isEqualTo("*");
            assertThat(reset.path("data").path("reason").asString()).isEqualTo("history_lost");
            assertThat(reset.path("data").path("lost").asString()).isGreaterThanOrEqualTo(lostToken);
            assertThat(reset.path("data").path("resumed").asString()).isEqualTo(reset.path("token").asString());
            assertThat(client.events()).noneMatch(event -> event.path("data").path("title").asString().equals("Flood"));
            assertThat(resetsFor(client, "users")).isEmpty();
            assertThat(watcher.get("/actuator/health").statusCode()).isEqualTo(200);
            assertThat(logLines("change stream of books cannot resume")).hasSize(1);

            Replay.Result replay = Replay.run(stack, "--after", lostToken);
            HttpResponse<String> http = watcher.get("/replay?after=" + lostToken);
            assertThat(replay.exitCode()).isEqualTo(4);
            assertThat(replay.errors()).contains("has fallen off the oplog").hasLineCount(1);
            assertThat(http.statusCode()).isEqualTo(410);
            assertThat(EnvelopeCodec.mapper().readTree(http.body()).path("reason").asString()).isEqualTo("history_lost");
        }
    }

    @Test
    void droppingAndRenamingTheBooksCollectionInMongoshGiveOneResetEachAndTheWatcherKeepsGoing() {
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            String first = insertBook(Api.unique("Dropped"));
            await().atMost(WAIT).until(() -> !client.eventsFor(first).isEmpty());
            Mongosh.eval(stack.mongoUri(), "db.books.drop()");
            await().atMost(WAIT).until(() -> resetsFor(client, "books").size() == 1);
            String second = insertBook(Api.unique("Recreated"));
            await().atMost(WAIT).until(() -> !client.eventsFor(second).isEmpty());
            Mongosh.eval(stack.mongoUri(), "db.books.renameCollection('books_archive')");
            await().atMost(WAIT).until(() -> resetsFor(client, "books").size() == 2);
            String third = insertBook(Api.unique("Renewed"));
            await().atMost(WAIT).until(() -> !client.eventsFor(third).isEmpty());

            List<JsonNode> resets = resetsFor(client, "books");
            assertThat(resets.get(0).path("data").path("reason").asString()).isEqualTo("dropped");
            assertThat(resets.get(1).path("data").path("reason").asString()).isEqualTo("renamed");
            assertThat(resets.get(1).path("data").path("to").asString()).isEqualTo("books_archive");
            assertThat(client.frames()).extracting(frame -> frame.path("type").asString())
                    .filteredOn(type -> !type.equals("welcome"))
                    .containsExactly("book:created", "sync:reset", "book:created", "sync:reset", "book:created");
        }
    }

    /** Waits until the watcher leads with its change streams open (ready), so no write goes unseen. */
    private void awaitStreaming() {
        stack.watcher().awaitHealthy(WAIT);
        await().atMost(WAIT).until(watcher::isLeader);
    }

    private String insertBook(String title) {
        return books().insertOne(new Document("title", title).append("author", "Disruption").append("price", 100))
                .getInsertedId().asObjectId().getValue().toHexString();
    }

    private void flood(long bytes) {
        String payload = "x".repeat(1000);
        List<Document> page = new ArrayList<>();
        for (long size = 0; size < bytes; size += payload.length()) {
            page.add(new Document("title", "Flood").append("payload", payload));
            if (page.size() == 100) {
                books().insertMany(page);
                page = new ArrayList<>();
            }
        }
    }

    private MongoCollection<Document> books() {
        return mongo.getDatabase("bookhub").getCollection("books");
    }

    /**
     * The id of the stream's last entry, after one write so that there is a stream: a client that has
     * seen nothing of it ("0-0") would be told to refetch, for it could not tell which life it missed.
     */
    private String lastStreamId() {
        String marker = insertBook(Api.unique("Marker"));
        await().atMost(WAIT).until(() -> StreamHistory.read(stack).stream()
                .anyMatch(event -> event.path("data").path("id").asString().equals(marker)));
        List<JsonNode> history = StreamHistory.read(stack);
        return history.get(history.size() - 1).path("id").asString();
    }

    private List<String> logLines(String text) {
        try {
            return Files.readAllLines(stack.watcher().logFile()).stream().filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> resetsFor(LiveClient client, String collection) {
        return client.frames().stream()
                .filter(frame -> frame.path("type").asString().equals("sync:reset"))
                .filter(frame -> frame.path("data").path("collection").asString().equals(collection))
                .toList();
    }

    private static List<JsonNode> created(List<JsonNode> events, String batch) {
        return events.stream()
                .filter(event -> event.path("type").asString().equals("book:created"))
                .filter(event -> event.path("data").path("title").asString().startsWith(batch + " #"))
                .toList();
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("data").path("id").asString()).toList();
    }
}
