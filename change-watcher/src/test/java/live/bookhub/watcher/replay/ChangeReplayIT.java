package live.bookhub.watcher.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Replay over HTTP and from the command, against a watcher that appends the same changes live. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeReplayIT {

    private static final long OPLOG_BYTES = 128 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Backends backends;
    private WatcherReplica watcher;

    @BeforeAll
    void start() {
        backends = Backends.withOplogOf(OPLOG_BYTES);
        watcher = WatcherReplica.start(backends, "a").awaitStreaming();
    }

    @AfterAll
    void stop() {
        watcher.close();
        backends.close();
    }

    @Test
    void replayAfterATokenGivesExactlyTheEnvelopesAppendedAfterItInOrder() {
        String after = appendedToken(insertBook("replay start"));
        String id = insertBook("replay one");
        backends.db().getCollection("books").updateOne(Filters.eq("title", "replay one"), Updates.set("price", 5));
        backends.db().getCollection("orders").insertOne(new Document("userId", "u1").append("status", "pending"));
        backends.db().getCollection("books").deleteOne(Filters.eq("title", "replay start"));
        String last = appendedToken(insertBook("replay two"));
        List<String> live = liveEnvelopesAfter(after);

        HttpResponse<String> http = watcher.get("/replay?after=" + after);
        Output command = command("--after", after, "--uri", backends.mongoUri());

        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(lines(http.body())).containsExactlyElementsOf(live);
        assertThat(command.exit()).isZero();
        assertThat(lines(command.out())).containsExactlyElementsOf(live);
        assertThat(types(live)).containsExactly("book:created", "book:updated", "order:created", "book:deleted", "book:created");
        assertThat(EnvelopeCodec.mapper().readTree(live.get(1)).path("data").path("title").asString()).isEqualTo("replay one");
        assertThat(EnvelopeCodec.mapper().readTree(live.get(0)).path("data").path("id").asString()).isEqualTo(id);
        assertThat(EnvelopeCodec.mapper().readTree(live.get(4)).path("token").asString()).isEqualTo(last);
    }

    @Test
    void replayUntilATokenStopsWithItAndUntilAnInstantStopsBeforeLaterChanges() {
        String after = appendedToken(insertBook("until start"));
        String middle = appendedToken(insertBook("until middle"));
        Instant between = Instant.now();
        await().atMost(WAIT).until(() -> Instant.now().toEpochMilli() > between.toEpochMilli() + 1);
        appendedToken(insertBook("until end"));

        List<String> untilToken = lines(watcher.get("/replay?after=" + after + "&until=" + middle).body());
        Output untilTime = command("--after", after, "--until", between.toString(), "--uri", backends.mongoUri());

        assertThat(titles(untilToken)).containsExactly("until middle");
        assertThat(titles(lines(untilTime.out()))).containsExactly("until middle");
    }

    @Test
    void followingPrintsNewChangesAsTheyComeUntilTheGivenInstant() {
        String after = appendedToken(insertBook("follow start"));
        Instant until = Instant.now().plusSeconds(3);

        CompletableFuture<Output> following = CompletableFuture.supplyAsync(() -> command("--after", after, "--follow",
                "--until", until.toString(), "--uri", backends.mongoUri()));
        insertBook("follow one");
        Output output = following.join();

        assertThat(output.exit()).isZero();
        assertThat(titles(lines(output.out()))).containsExactly("follow one");
    }

    @Test
    void aFollowerSeesEachNewChangeAtOnceWhileTheDatabaseIsBusy() throws Exception {
        String after = appendedToken(insertBook("busy start"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread follower = new Thread(() -> ReplayCommand.run(new String[] {"--after", after, "--follow", "--uri", backends.mongoUri()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())));
        follower.start();
        try {
            insertBook("busy one");
            // The watcher's checkpoints and lease renewals keep the database's change stream from ever being idle.
            await().atMost(WAIT).until(() -> out.toString(StandardCharsets.UTF_8).contains("busy one"));
        } finally {
            follower.interrupt();
            follower.join(10_000);
        }
    }

    @Test
    void aMalformedTokenIsRefusedSayingSo() {
        for (String token : List.of("not-a-token", "ABCDEF")) {
            HttpResponse<String> http = watcher.get("/replay?after=" + token);
            Output command = command("--after", token, "--uri", backends.mongoUri());

            assertThat(http.statusCode()).as(token).isEqualTo(400);
            assertThat(problem(http).path("reason").asString()).isEqualTo("malformed_token");
            assertThat(command.exit()).isEqualTo(2);
            assertThat(command.err()).startsWith("replay: malformed token").hasLineCount(1);
        }
    }

    @Test
    void aTokenFromAnotherDeploymentIsRefusedSayingSo() {
        String token = appendedToken(insertBook("elsewhere"));
        String otherDeployment = token.substring(0, 16) + (token.endsWith("00000001") ? "00000002" : "00000001");

        HttpResponse<String> http = watcher.get("/replay?after=" + otherDeployment);
        Output command = command("--after", otherDeployment, "--uri", backends.mongoUri());

        assertThat(http.statusCode()).isEqualTo(404);
        assertThat(http.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(problem(http).path("reason").asString()).isEqualTo("other_deployment");
        assertThat(command.exit()).isEqualTo(3);
        assertThat(command.err()).contains("is from another deployment").hasLineCount(1);
    }

    @Test
    void aTokenThatFellOffTheOplogIsRefusedSayingSo() {
        String old = appendedToken(insertBook("soon forgotten"));
        String payload = "x".repeat(1000);
        for (int i = 0; i < 2 * OPLOG_BYTES / payload.length(); i++) {
            backends.db().getCollection("noise").insertOne(new Document("payload", payload));
        }

        HttpResponse<String> http = watcher.get("/replay?after=" + old);
        Output command = command("--after", old, "--uri", backends.mongoUri());

        assertThat(http.statusCode()).isEqualTo(410);
        assertThat(problem(http).path("reason").asString()).isEqualTo("history_lost");
        assertThat(problem(http).path("detail").asString()).contains("has fallen off the oplog");
        assertThat(command.exit()).isEqualTo(4);
        assertThat(command.err()).contains("has fallen off the oplog").hasLineCount(1);
    }

    @Test
    void replayingWritesNothingToRedis() {
        String after = appendedToken(insertBook("quiet"));
        long entries = backends.redis().xlen("bookhub:events");

        watcher.get("/replay?after=" + after);
        command("--after", after, "--uri", backends.mongoUri());

        assertThat(backends.redis().xlen("bookhub:events")).isEqualTo(entries);
    }

    @Test
    void badArgumentsGetTheUsage() {
        Output output = command("--after");

        assertThat(output.exit()).isEqualTo(2);
        assertThat(output.err()).contains("unknown or incomplete argument '--after'").contains(ReplayCommand.USAGE);
    }

    private String insertBook(String title) {
        return backends.db().getCollection("books").insertOne(new Document("title", title))
                .getInsertedId().asObjectId().getValue().toHexString();
    }

    /** Waits until the watcher appended this book's creation and returns its token. */
    private String appendedToken(String bookId) {
        await().atMost(WAIT).until(() -> backends.events("book:created").stream()
                .anyMatch(event -> event.path("data").path("id").asString().equals(bookId)));
        return backends.events("book:created").stream().filter(event -> event.path("data").path("id").asString().equals(bookId))
                .findFirst().orElseThrow().path("token").asString();
    }

    /**
     * What the watcher appended after a token, without the stream ids and in oplog order: what a replay
     * must print (the watcher appends each collection in order, the collections side by side).
     */
    private List<String> liveEnvelopesAfter(String token) {
        List<String> envelopes = new ArrayList<>();
        for (JsonNode event : backends.events()) {
            if (event.path("token").asString().compareTo(token) > 0) {
                ObjectNode withoutId = ((ObjectNode) event).deepCopy();
                withoutId.remove("id");
                envelopes.add(withoutId.toString());
            }
        }
        envelopes.sort(java.util.Comparator.comparing(envelope -> EnvelopeCodec.mapper().readTree(envelope).path("token").asString()));
        return envelopes;
    }

    private static List<String> lines(String ndjson) {
        return ndjson.isEmpty() ? List.of() : Arrays.stream(ndjson.split("\n"))
                .map(line -> EnvelopeCodec.mapper().readTree(line).toString()).toList();
    }

    private static List<String> types(List<String> envelopes) {
        return envelopes.stream().map(line -> EnvelopeCodec.mapper().readTree(line).path("type").asString()).toList();
    }

    private static List<String> titles(List<String> envelopes) {
        return envelopes.stream().map(line -> EnvelopeCodec.mapper().readTree(line).path("data").path("title").asString()).toList();
    }

    private static JsonNode problem(HttpResponse<String> response) {
        return EnvelopeCodec.mapper().readTree(response.body());
    }

    private record Output(int exit, String out, String err) {
    }

    private static Output command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ReplayCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).trim());
    }
}
