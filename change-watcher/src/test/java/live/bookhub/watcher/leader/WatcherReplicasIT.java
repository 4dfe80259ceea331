package live.bookhub.watcher.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatcherReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Backends backends = Backends.start();

    @AfterEach
    void stop() {
        backends.close();
    }

    @Test
    void ofTwoReplicasExactlyOneLeadsAndOnlyItAppends() {
        try (WatcherReplica a = WatcherReplica.start(backends, "a"); WatcherReplica b = WatcherReplica.start(backends, "b")) {
            await().atMost(WAIT).until(() -> a.isLeader() != b.isLeader());
            WatcherReplica leader = (a.isLeader() ? a : b).awaitStreaming();
            WatcherReplica standby = a.isLeader() ? b : a;

            insertBooks("pair", 100);
            await().atMost(WAIT).until(() -> titles().size() == 100);

            assertThat(titles()).containsExactlyElementsOf(expected("pair", 100));
            assertThat(leader.metric("bookhub_watcher_events_appended_total")).isEqualTo(100);
            assertThat(standby.metric("bookhub_watcher_events_appended_total")).isZero();
            assertThat(leader.metric("bookhub_watcher_leader")).isEqualTo(1);
            assertThat(standby.metric("bookhub_watcher_leader")).isZero();
            assertThat(standby.leadership().path("status").asString()).isEqualTo("UP");
            assertThat(standby.leadership().path("details").path("role").asString()).isEqualTo("standby");
            assertThat(standby.leadership().path("details").path("lease").path("holder").asString())
                    .isEqualTo(leader.leadership().path("details").path("replica").asString());
        }
    }

    @Test
    void whenTheLeaderStopsMidBurstTheStandbyTakesOverAndResumesAfterItsLastAppend() {
        WatcherReplica a = WatcherReplica.start(backends, "a").awaitStreaming();
        try (WatcherReplica b = WatcherReplica.start(backends, "b")) {
            AtomicInteger written = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 400; i++) {
                    insertBook("burst " + i);
                    written.incrementAndGet();
                }
            });
            await().atMost(WAIT).until(() -> written.get() >= 150);
            a.close();
            long stoppedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(15)).until(b::isLeader);
            Duration takeover = Duration.ofNanos(System.nanoTime() - stoppedAt);
            writer.join();
            await().atMost(WAIT).until(() -> titles().size() >= 400);

            assertThat(titles()).containsExactlyElementsOf(expected("burst", 400));
            assertThat(takeover).isLessThan(Duration.ofSeconds(15));
            assertThat(b.metric("bookhub_watcher_events_appended_total")).isPositive();
        } finally {
            a.close();
        }
    }

    @Test
    void aLeaderWhoseLeaseWasTakenStopsAppendingAndWhenItLeadsAgainResumesAfterItsLastAppend() {
        try (WatcherReplica a = WatcherReplica.start(backends, "a").awaitStreaming()) {
            insertBook("one");
            await().atMost(WAIT).until(() -> titles().contains("one"));

            lease(Updates.combine(Updates.set("holder", "intruder"), Updates.inc("epoch", 1L),
                    Updates.set("expiresAt", Date.from(Instant.now().plusSeconds(3600)))));
            await().atMost(WAIT).until(() -> !a.isLeader());
            insertBook("two");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !titles().contains("two"));

            lease(Updates.set("expiresAt", Date.from(Instant.now())));
            await().atMost(WAIT).until(() -> titles().contains("two"));

            assertThat(titles()).containsExactly("one", "two");
            assertThat(a.leadership().path("details").path("epoch").asLong()).isEqualTo(3);
        }
    }

    @Test
    void aLeaseBehindTheRedisFenceMovesOnPastItInsteadOfNeverAppending() {
        backends.redis().set("bookhub:watcher:epoch", "50"); // as after MongoDB was restored and Redis was not

        try (WatcherReplica a = WatcherReplica.start(backends, "a").awaitStreaming()) {
            insertBook("after restore");
            await().atMost(WAIT).until(() -> titles().contains("after restore"));

            assertThat(a.leadership().path("details").path("epoch").asLong()).isEqualTo(51);
            assertThat(backends.redis().get("bookhub:watcher:epoch")).isEqualTo("51");
        }
    }

    private void lease(org.bson.conversions.Bson update) {
        backends.db().getCollection(LeaseStore.COLLECTION).updateOne(Filters.eq("_id", LeaseStore.LEASE_ID), update);
    }

    private void insertBooks(String prefix, int count) {
        IntStream.range(0, count).forEach(i -> insertBook(prefix + " " + i));
    }

    private void insertBook(String title) {
        backends.db().getCollection("books").insertOne(new Document("title", title));
    }

    private List<String> titles() {
        return backends.events("book:created").stream().map(event -> event.path("data").path("title").asString()).toList();
    }

    private static List<String> expected(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + " " + i).toList();
    }
}
