package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

/**
 * The streaming loop under the errors MongoDB's drivers are tested with, injected by the failCommand
 * fail point into the books stream's getMore and aggregate: while a getMore is held by the fail point,
 * books are written, then the getMore fails. A resumable error (labelled ResumableChangeStreamError, or
 * a closed connection) is resumed by the driver after the last token; any other error reaches the
 * watcher, which reopens after its last change, or — for a position MongoDB calls unusable — sends a
 * sync:reset. Either way no change is appended twice.
 */
class FailPointResumeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BOOKS = "bookhub.books";

    private static Backends backends;
    private static WatcherReplica watcher;
    /** Each test's books are named after it, so that the tests share one watcher in any order. */
    private String prefix;
    private int written;
    private int resetsBefore;

    @BeforeAll
    static void start() {
        backends = Backends.withFailPoints();
        watcher = WatcherReplica.start(backends, "a").awaitStreaming();
    }

    @AfterAll
    static void stop() {
        watcher.close();
        backends.close();
    }

    @BeforeEach
    void name(TestInfo test) {
        prefix = test.getTestMethod().orElseThrow().getName() + " ";
        resetsBefore = backends.events("sync:reset").size();
    }

    @Test
    void hostUnreachableOnGetMoreIsResumedByTheDriverWithNothingLostOrDoubled() {
        assertResumedByTheDriver(new Document("errorCode", 6));
    }

    @Test
    void shutdownInProgressOnGetMoreIsResumedByTheDriverWithNothingLostOrDoubled() {
        assertResumedByTheDriver(new Document("errorCode", 91));
    }

    /**
     * The driver resumes on a new connection; when the pool it clears cannot give one in time (a busy
     * machine), its resume fails and the watcher reopens after its last change instead. Either way
     * nothing is lost or doubled, which is what clients rely on.
     */
    @Test
    void aConnectionClosedMidGetMoreLosesOrDoublesNothing() {
        double errorsBefore = watcher.metric("bookhub_watcher_errors_total");

        failDuringWrites(new Document("times", 1), List.of("getMore"), new Document("closeConnection", true));

        assertAllWrittenOnceInOrder();
        assertThat(watcher.metric("bookhub_watcher_errors_total")).isBetween(errorsBefore, errorsBefore + 1);
    }

    @Test
    void anErrorTheDriverDoesNotResumeReachesTheWatcherWhichReopensAfterItsLastChange() {
        double errorsBefore = watcher.metric("bookhub_watcher_errors_total", "cause=\"mongodb\"");

        failDuringWrites(new Document("times", 1), List.of("getMore"), new Document("errorCode", 216)); // ElectionInProgress

        assertAllWrittenOnceInOrder();
        assertThat(watcher.metric("bookhub_watcher_errors_total", "cause=\"mongodb\"")).isEqualTo(errorsBefore + 1);
    }

    @Test
    void aResumeWhoseAggregateKeepsFailingReachesTheWatcherWhichReopensAfterItsLastChange() {
        double errorsBefore = watcher.metric("bookhub_watcher_errors_total", "cause=\"mongodb\"");

        // The getMore fails (resumable), the driver's resume and its one retry fail too, then the watcher reopens.
        failDuringWrites(new Document("times", 3), List.of("getMore", "aggregate"), new Document("errorCode", 91));

        assertAllWrittenOnceInOrder();
        assertThat(watcher.metric("bookhub_watcher_errors_total", "cause=\"mongodb\"")).isEqualTo(errorsBefore + 1);
    }

    /** MongoDB says the position is unusable: the watcher tells clients to refetch and goes on from now. */
    @Test
    void aNonResumableChangeStreamErrorGivesOneResetAndTheWatcherGoesOnFromNow() {
        double errorsBefore = watcher.metric("bookhub_watcher_errors_total", "cause=\"unknown_position\"");

        failDuringWrites(new Document("times", 1), List.of("getMore"), new Document("errorCode", 280));

        await().atMost(WAIT).until(() -> backends.events("sync:reset").size() == resetsBefore + 1);
        JsonNode reset = backends.events("sync:reset").get(resetsBefore);
        assertThat(reset.path("data").path("collection").asString()).isEqualTo("books");
        assertThat(reset.path("data").path("reason").asString()).isEqualTo("unknown_position");
        writeBooks(1);
        String after = prefix + (written - 1);
        await().atMost(WAIT).until(() -> titles().contains(after));
        assertThat(titles()).doesNotHaveDuplicates().startsWith(prefix + 0, prefix + 1, prefix + 2).endsWith(after);
        assertThat(watcher.metric("bookhub_watcher_errors_total", "cause=\"unknown_position\"")).isEqualTo(errorsBefore + 1);
    }

    private void assertResumedByTheDriver(Document failure) {
        double errorsBefore = watcher.metric("bookhub_watcher_errors_total");

        failDuringWrites(new Document("times", 1), List.of("getMore"), failure);

        assertAllWrittenOnceInOrder();
        assertThat(watcher.metric("bookhub_watcher_errors_total")).isEqualTo(errorsBefore);
    }

    /**
     * Books before the failure, the failing command held by the fail point while more books are written,
     * then the failure: the stream must come back after its last token and see all of them.
     */
    private void failDuringWrites(Document mode, List<String> commands, Document failure) {
        writeBooks(3);
        await().atMost(WAIT).until(() -> titles().size() == written);
        Document data = new Document("failCommands", commands).append("namespace", BOOKS)
                .append("blockConnection", true).append("blockTimeMS", 300);
        data.putAll(failure);
        long entered = backends.admin().runCommand(new Document("configureFailPoint", "failCommand").append("mode", mode)
                .append("data", data)).get("count", Number.class).longValue();
        backends.admin().runCommand(new Document("waitForFailPoint", "failCommand").append("timesEntered", entered + 1)
                .append("maxTimeMS", WAIT.toMillis()));
        writeBooks(3);
    }

    private void assertAllWrittenOnceInOrder() {
        await().atMost(WAIT).until(() -> titles().size() >= written);
        assertThat(titles()).containsExactlyElementsOf(IntStream.range(0, written).mapToObj(i -> prefix + i).toList());
        assertThat(backends.events("sync:reset")).hasSize(resetsBefore);
    }

    private void writeBooks(int count) {
        for (int i = 0; i < count; i++) {
            backends.db().getCollection("books").insertOne(new Document("title", prefix + written++));
        }
    }

    /** This test's books, in the order the watcher appended them. */
    private List<String> titles() {
        return backends.events("book:created").stream().map(event -> event.path("data").path("title").asString())
                .filter(title -> title.startsWith(prefix)).toList();
    }
}
