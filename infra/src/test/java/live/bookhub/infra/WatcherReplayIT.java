package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.Replay;
import live.bookhub.infra.support.StreamHistory;
import live.bookhub.infra.support.SystemTest;
import live.bookhub.infra.support.WatcherAdmin;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./bookhub replay} and {@code GET /replay} print, from MongoDB's change stream, exactly the
 * envelopes the watcher appended after a token; a bad token gets a one-line error saying which.
 * (A token that fell off the oplog is in {@link WatcherDisruptionIT}, whose oplog is small.)
 */
@SystemTest
class WatcherReplayIT {

    private static final Duration LIVE = Duration.ofSeconds(30);

    private final LocalStack stack;
    private final Api api;
    private final WatcherAdmin watcher;

    WatcherReplayIT(LocalStack stack) {
        this.stack = stack;
        this.api = Api.admin(stack.api().baseUrl());
        this.watcher = new WatcherAdmin(stack.watcher());
    }

    @Test
    void replayAfterATokenPrintsExactlyTheEventsAppendedAfterItInOrder() {
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            String start = api.createBook(Api.book(Api.unique("Replay start"))).path("id").asString();
            String kept = api.createBook(Api.book(Api.unique("Replay kept"))).path("id").asString();
            api.patchBook(kept, Api.json().put("price", 777));
            String gone = api.createBook(Api.book(Api.unique("Replay gone"))).path("id").asString();
            api.deleteBook(gone);
            Mongosh.eval(stack.mongoUri(), "db.orders.insertOne({userId: 'replay-user', status: 'pending', total: 5})");
            String last = api.createBook(Api.book(Api.unique("Replay last"))).path("id").asString();
            await().atMost(LIVE).until(() -> !client.eventsFor(last).isEmpty());
            String after = token(client, start);
            String until = token(client, gone);
            List<String> appended = appendedAfter(after);

            Replay.Result replay = Replay.run(stack, "--after", after);
            HttpResponse<String> http = watcher.get("/replay?after=" + after);
            Replay.Result bounded = Replay.run(stack, "--after", after, "--until", until);

            assertThat(replay.exitCode()).as(replay.errors()).isZero();
            assertThat(json(replay.envelopes())).containsExactlyElementsOf(appended);
            assertThat(http.statusCode()).isEqualTo(200);
            assertThat(http.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
            assertThat(json(Replay.envelopes(http.body()))).containsExactlyElementsOf(appended);
            assertThat(bounded.envelopes()).extracting(envelope -> envelope.path("type").asString())
                    .containsExactly("book:created", "book:updated", "book:created");
            assertThat(bounded.envelopes().get(2).path("token").asString()).isEqualTo(until);
            assertThat(appended).hasSize(6);
        }
    }

    @Test
    void replayWithFollowPrintsNewChangesAsTheyHappen() throws Exception {
        try (LiveClient client = LiveClient.connect(stack.gateways().get(1).port(), "topics=books")) {
            String start = api.createBook(Api.book(Api.unique("Follow start"))).path("id").asString();
            await().atMost(LIVE).until(() -> !client.eventsFor(start).isEmpty());
            Process follow = Replay.start(stack, "--after", token(client, start), "--follow");
            List<JsonNode> printed = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> read(follow, printed), "replay-follow-reader");
            reader.start();
            try {
                String next = api.createBook(Api.book(Api.unique("Follow next"))).path("id").asString();
                await().atMost(LIVE).until(() -> printed.stream().anyMatch(envelope -> envelope.path("data").path("id").asString().equals(next)));
                assertThat(follow.isAlive()).isTrue();
                assertThat(printed).hasSize(1);
            } finally {
                follow.destroy();
                follow.waitFor();
                reader.join(10_000);
            }
        }
    }

    @Test
    void aMalformedTokenAndATokenOfAnotherDeploymentGetAOneLineErrorSayingWhich() {
        String book = api.createBook(Api.book(Api.unique("Elsewhere"))).path("id").asString();
        await().atMost(LIVE).until(() -> StreamHistory.read(stack).stream()
                .anyMatch(envelope -> envelope.path("data").path("id").asString().equals(book)));
        String token = StreamHistory.read(stack).stream().filter(envelope -> envelope.path("data").path("id").asString().equals(book))
                .findFirst().orElseThrow().path("token").asString();
        String otherDeployment = token.substring(0, token.length() - 8) + (token.endsWith("00000001") ? "00000002" : "00000001");

        Replay.Result malformed = Replay.run(stack, "--after", "not-a-token");
        Replay.Result foreign = Replay.run(stack, "--after", otherDeployment);
        HttpResponse<String> malformedHttp = watcher.get("/replay?after=not-a-token");
        HttpResponse<String> foreignHttp = watcher.get("/replay?after=" + otherDeployment);

        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.errors()).startsWith("replay: malformed token").hasLineCount(1);
        assertThat(foreign.exitCode()).isEqualTo(3);
        assertThat(foreign.errors()).contains("is from another deployment").hasLineCount(1);
        assertThat(malformedHttp.statusCode()).isEqualTo(400);
        assertThat(malformedHttp.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(EnvelopeCodec.mapper().readTree(malformedHttp.body()).path("reason").asString()).isEqualTo("malformed_token");
        assertThat(foreignHttp.statusCode()).isEqualTo(404);
        assertThat(EnvelopeCodec.mapper().readTree(foreignHttp.body()).path("reason").asString()).isEqualTo("other_deployment");
    }

    private static String token(LiveClient client, String documentId) {
        return client.eventsFor(documentId).get(0).path("token").asString();
    }

    /** What the watcher appended after a token, in oplog order, without the stream ids (a replay has none). */
    private List<String> appendedAfter(String token) {
        return StreamHistory.read(stack).stream()
                .filter(envelope -> envelope.path("token").asString().compareTo(token) > 0)
                .sorted(Comparator.comparing(envelope -> envelope.path("token").asString()))
                .map(envelope -> {
                    ObjectNode withoutId = (ObjectNode) envelope.deepCopy();
                    withoutId.remove("id");
                    return withoutId.toString();
                })
                .toList();
    }

    private static List<String> json(List<JsonNode> envelopes) {
        return envelopes.stream().map(JsonNode::toString).toList();
    }

    private static void read(Process process, List<JsonNode> printed) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                printed.add(EnvelopeCodec.mapper().readTree(line));
            }
        } catch (java.io.IOException e) {
            // the process was ended: its output is closed
        }
    }
}
