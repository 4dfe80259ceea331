package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.SystemTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Redis restarted without its data while clients are connected and changes keep flowing: the stream
 * begins a new life with new ids. Every client either gets every change once, in order, or is told
 * to refetch ({@code sync:reset}) before the first change it would otherwise miss; none resumes
 * with a gap.
 */
@SystemTest
class RedisDataLossIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final LocalStack stack;

    RedisDataLossIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void afterRedisLostItsDataEveryClientGetsEveryChangeOnceOrAResetNeverASilentGap() throws Exception {
        String batch = Api.unique("Epoch");
        List<String> written = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (MongoClient mongo = MongoClients.create(stack.mongoUri());
             LiveClient first = LiveClient.connect(stack.gateways().get(0).port(), "topics=books");
             LiveClient second = LiveClient.connect(stack.gateways().get(1).port(), "topics=books")) {
            MongoCollection<Document> books = mongo.getDatabase("bookhub").getCollection("books");
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    written.add(insert(books, batch + " #" + written.size()));
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // a steady flow, about 40 writes a second
                }
            });
            String awayAt;
            try (LiveClient away = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
                await().atMost(WAIT).until(() -> created(away, batch).size() >= 10);
                awayAt = away.lastEventId();
            }
            int writtenWhileAway = written.size();
            await().atMost(WAIT).until(() -> written.size() >= writtenWhileAway + 40);

            stack.restartRedisWithoutItsData();
            int writtenAtRestart = written.size();
            await().atMost(WAIT).until(() -> written.size() >= writtenAtRestart + 60);
            try (LiveClient back = LiveClient.connect(stack.gateways().get(1).port(), "topics=books&lastEventId=" + awayAt)) {
                writing.set(false);
                writer.get(30, TimeUnit.SECONDS);
                String sentinel = insert(books, batch + " sentinel");
                for (LiveClient client : List.of(first, second, back)) {
                    await().atMost(WAIT).until(() -> !client.eventsFor(sentinel).isEmpty());
                }

                for (LiveClient client : List.of(first, second, back)) {
                    System.out.printf("Redis lost its data: %d writes; a client got %d of them and %d sync:reset%n",
                            written.size(), created(client, batch).size(), resets(client).size());
                }
                assertEveryChangeOnceOrReset(first, batch, written, -1);
                assertEveryChangeOnceOrReset(second, batch, written, -1);
                // What was appended after it left went with Redis's data: it must be told, not resumed past it.
                assertThat(resets(back)).isNotEmpty();
                assertThat(resets(back).get(0).path("reason").asString()).isEqualTo("epoch_changed");
                assertEveryChangeOnceOrReset(back, batch, written, indexOfEvent(awayAt, first, batch, written));
            }
        } finally {
            writing.set(false);
        }
    }

    /**
     * Walks the client's frames: each change of the batch comes once, in write order, right after the
     * one before it, unless a {@code sync:reset} came in between; the last change came, or a reset after it.
     *
     * @param startAfter the index in {@code written} of the change the client had before it connected, -1 for none
     */
    private static void assertEveryChangeOnceOrReset(LiveClient client, String batch, List<String> written, int startAfter) {
        int last = startAfter;
        boolean reset = false;
        for (JsonNode frame : client.frames()) {
            String type = frame.path("type").asString();
            if (type.equals("sync:reset")) {
                reset = true;
            } else if (type.equals("book:created") && frame.path("data").path("title").asString().startsWith(batch + " #")) {
                int index = written.indexOf(frame.path("data").path("id").asString());
                assertThat(index).as("change %s of the batch, once and in order, after %s", index, last).isGreaterThan(last);
                assertThat(index == last + 1 || reset).as("changes %d to %d missed without a sync:reset", last + 1, index - 1).isTrue();
                last = index;
                reset = false;
            }
        }
        assertThat(last == written.size() - 1 || reset).as("changes after %d missed without a sync:reset", last).isTrue();
    }

    /** The index in {@code written} of the change a position names, from a client that saw it live. */
    private static int indexOfEvent(String position, LiveClient witness, String batch, List<String> written) {
        String id = position.substring(position.lastIndexOf(':') + 1);
        JsonNode event = created(witness, batch).stream().filter(created -> created.path("id").asString().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no client saw " + position));
        return written.indexOf(event.path("data").path("id").asString());
    }

    /** Stops redis-server, deletes its append-only files, starts it again: a restart without persistence. */
    private static String insert(MongoCollection<Document> books, String title) {
        return books.insertOne(new Document("title", title).append("author", "Epoch").append("price", 100))
                .getInsertedId().asObjectId().getValue().toHexString();
    }

    private static List<JsonNode> created(LiveClient client, String batch) {
        return client.events().stream()
                .filter(event -> event.path("type").asString().equals("book:created"))
                .filter(event -> event.path("data").path("title").asString().startsWith(batch + " #"))
                .toList();
    }

    private static List<JsonNode> resets(LiveClient client) {
        return client.frames().stream().filter(frame -> frame.path("type").asString().equals("sync:reset")).toList();
    }
}
