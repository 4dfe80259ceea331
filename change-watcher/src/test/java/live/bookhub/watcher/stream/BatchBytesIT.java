package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A migration of large documents: a watcher catching up on them appends at most {@code batch-bytes}
 * of documents per script call, never the whole read, and every change still arrives once, in order.
 */
class BatchBytesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int BOOKS = 12;

    @AutoClose
    private final Backends backends = Backends.start();

    @Test
    void aCatchUpOnLargeDocumentsIsAppendedInBatchesOfAtMostBatchBytes() {
        try (WatcherReplica watcher = WatcherReplica.start(backends, "a").awaitStreaming()) {
            backends.db().getCollection("books").insertOne(new Document("title", "first"));
            await().atMost(WAIT).until(() -> backends.events("book:created").size() == 1);
        }
        List<Document> books = new ArrayList<>();
        for (int i = 0; i < BOOKS; i++) {
            books.add(new Document("title", "large " + i).append("blurb", "x".repeat(100_000)));
        }
        backends.db().getCollection("books").insertMany(books); // while no watcher runs: one read takes them all

        try (WatcherReplica watcher = WatcherReplica.start(backends, "a", "--bookhub.watcher.batch-bytes=250KB").awaitStreaming()) {
            await().atMost(WAIT).until(() -> backends.events("book:created").size() == 1 + BOOKS);

            // 100 KB documents, 250 KB a batch: the third ends a batch, so the 12 take at least 4 script calls (1 without the cap)
            assertThat(watcher.metric("bookhub_watcher_append_changes_count", "collection=\"books\""))
                    .as("script calls for the %d large books", BOOKS).isGreaterThanOrEqualTo(BOOKS / 3);
        }
        List<String> titles = backends.events("book:created").stream().map(event -> event.path("data").path("title").asString()).toList();
        List<String> expected = new ArrayList<>(List.of("first"));
        books.forEach(book -> expected.add(book.getString("title")));
        assertThat(titles).as("each change once, in order").isEqualTo(expected);
        assertThat(backends.events("book:created")).noneMatch(event -> event.has("truncated"));
    }
}
