package live.bookhub.watcher.headroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The oplog headroom on a small embedded oplog read as on a replica set ({@code local.oplog.rs}):
 * while no watcher leads, writes roll the oplog towards the stored positions and the headroom a
 * standby reports falls; once a watcher leads again it catches up and the headroom recovers, also on
 * the collection nobody writes to, whose position moves with the post-batch token.
 */
class OplogHeadroomIT {

    /** Some 50 entries of the books written below: a few seconds of oplog at their pace. */
    private static final long OPLOG_BYTES = 16 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration PACE = Duration.ofMillis(50);
    private static final String[] FAST_HEADROOM = {"--bookhub.watcher.oplog-headroom.interval=200ms"};

    private final Backends backends = Backends.withOplogOf(OPLOG_BYTES);
    private final AtomicInteger written = new AtomicInteger();

    @AfterEach
    void stop() {
        backends.close();
    }

    @Test
    void headroomFallsWhileNoWatcherLeadsAndRecoversWhenOneLeadsAgain() {
        try (WatcherReplica first = WatcherReplica.start(backends, "first", FAST_HEADROOM).awaitStreaming()) {
            await().atMost(WAIT).pollInterval(PACE).until(() -> write() && ratio(first, "books") > 0.9 && ratio(first, "orders") > 0.9);
        }
        holdLeaseForAStoppedLeader();

        try (WatcherReplica standby = WatcherReplica.start(backends, "standby", FAST_HEADROOM)) {
            await().atMost(WAIT).until(() -> !Double.isNaN(ratio(standby, "books")));
            double secondsBefore = standby.metric("bookhub_watcher_oplog_headroom_seconds", "collection=\"books\"");

            // the window first grows, then its oldest entries go: the fraction falls first, the seconds after
            await().atMost(WAIT).pollInterval(PACE).until(() -> write() && ratio(standby, "books") < 0.5 && ratio(standby, "orders") < 0.5
                    && standby.metric("bookhub_watcher_oplog_headroom_seconds", "collection=\"books\"") < secondsBefore);
            assertThat(standby.isLeader()).isFalse();

            releaseLease();
            await().atMost(WAIT).pollInterval(PACE).until(() -> write() && standby.isLeader()
                    && ratio(standby, "books") > 0.9 && ratio(standby, "orders") > 0.9);
            // Longer than the oplog spans at this pace: an idle position that did not move would fall off meanwhile.
            await().during(Duration.ofSeconds(8)).atMost(WAIT).pollInterval(PACE)
                    .until(() -> write() && ratio(standby, "orders") > 0.5);
        }
    }

    /** One more book; true, so that writing can be part of a polled condition (one write per poll). */
    private boolean write() {
        int n = written.incrementAndGet();
        backends.db().getCollection("books").insertOne(new Document("title", "book " + n).append("author", "headroom").append("stock", n));
        return true;
    }

    private static double ratio(WatcherReplica replica, String collection) {
        return replica.metric("bookhub_watcher_oplog_headroom_ratio", "collection=\"" + collection + "\"");
    }

    /** As if the leader had stopped without releasing its lease (killed, paused): nobody may lead for a minute. */
    private void holdLeaseForAStoppedLeader() {
        backends.db().getCollection("watcher_leases").updateOne(Filters.eq("_id", "change-watcher"), Updates.combine(
                Updates.set("holder", "stopped-leader"), Updates.inc("epoch", 1L),
                Updates.set("expiresAt", Date.from(Instant.now().plus(Duration.ofMinutes(1))))));
    }

    private void releaseLease() {
        backends.db().getCollection("watcher_leases").updateOne(Filters.eq("_id", "change-watcher"),
                Updates.set("expiresAt", Date.from(Instant.now())));
    }
}
