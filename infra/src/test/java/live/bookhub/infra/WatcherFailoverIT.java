package live.bookhub.infra;

import static live.bookhub.infra.support.Events.assertIdsIncrease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.SystemTest;
import live.bookhub.infra.support.WatcherAdmin;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Two watcher replicas, the stack's and a standby: exactly one appends; when it is killed (SIGKILL)
 * the other takes over within 15 s and resumes after the last event appended, so a WebSocket client
 * gets every change once, in order. A leader paused (SIGSTOP) past its lease and woken again never
 * appends after the takeover.
 */
@SystemTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatcherFailoverIT {

    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(15);
    private static final Duration START = Duration.ofSeconds(120);
    private static final String APPENDED = "bookhub_watcher_events_appended_total";

    private final LocalStack stack;
    private final WatcherAdmin first;
    private WatcherAdmin second;
    private MongoClient mongo;

    WatcherFailoverIT(LocalStack stack) {
        this.stack = stack;
        this.first = new WatcherAdmin(stack.watcher());
    }

    @BeforeAll
    void startAStandby() {
        ServiceProcess standby = stack.newWatcher("change-watcher-standby").start();
        standby.awaitHealthy(START);
        second = new WatcherAdmin(standby);
        mongo = MongoClients.create(stack.mongoUri());
    }

    @AfterAll
    void stopTheStandby() {
        try {
            first.process().start().awaitHealthy(START);
            second.process().stop(Duration.ofSeconds(20)); // a clean stop releases the lease: the stack's watcher leads at once
            await().atMost(TAKEOVER_BOUND).until(first::isLeader);
        } finally {
            mongo.close();
        }
    }

    @Test
    void aClientGetsEveryChangeOnceInOrderWhenTheLeaderIsKilledInTheMiddleOf5000Writes() throws Exception {
        WatcherAdmin leader = awaitOneLeader();
        WatcherAdmin standby = leader == first ? second : first;
        String batch = Api.unique("Kill");
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            AtomicInteger written = new AtomicInteger();
            CompletableFuture<List<String>> writer = CompletableFuture.supplyAsync(() -> insertBooks(batch, 5000, written));
            await().atMost(Duration.ofSeconds(120)).until(() -> written.get() >= 2500);
            int writtenAtKill = written.get();
            Duration takeover = killAndAwaitTakeover(leader, standby);
            List<String> ids = writer.get(180, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(180)).until(() -> created(client, batch).size() >= ids.size());
            awaitSentinel(client, batch);

            System.out.printf("leader killed after about %d of 5000 writes; standby led after %d ms%n", writtenAtKill,
                    takeover.toMillis());
            assertThat(takeover).isLessThan(TAKEOVER_BOUND);
            assertThat(ids(created(client, batch))).containsExactlyElementsOf(ids);
            assertIdsIncrease(created(client, batch));
        } finally {
            leader.process().start().awaitHealthy(START);
        }
    }

    @Test
    void ofTwoWatchersExactlyOneAppendsAndWhenItIsKilledTheOtherTakesOverWithin15Seconds() throws Exception {
        WatcherAdmin leader = awaitOneLeader();
        WatcherAdmin standby = leader == first ? second : first;
        String batch = Api.unique("Pair");
        try (LiveClient client = LiveClient.connect(stack.gateways().get(1).port(), "topics=books")) {
            double leaderAppended = leader.metric(APPENDED);
            double standbyAppended = standby.metric(APPENDED);
            List<String> ids = new ArrayList<>(insertBooks(batch, 100, new AtomicInteger()));
            await().atMost(Duration.ofSeconds(60)).until(() -> created(client, batch).size() >= 100);

            assertThat(leader.metric(APPENDED) - leaderAppended).isEqualTo(100);
            assertThat(standby.metric(APPENDED) - standbyAppended).isZero();
            assertThat(leader.isLeader()).isTrue();
            assertThat(standby.isLeader()).isFalse();
            assertThat(standby.metric("bookhub_watcher_leader")).isZero();

            Duration takeover = killAndAwaitTakeover(leader, standby);
            ids.addAll(insertBooks(batch, 100, new AtomicInteger()));
            await().atMost(Duration.ofSeconds(60)).until(() -> created(client, batch).size() >= 200);
            awaitSentinel(client, batch);

            System.out.printf("two watchers: standby led %d ms after the leader was killed%n", takeover.toMillis());
            assertThat(takeover).isLessThan(TAKEOVER_BOUND);
            assertThat(ids(created(client, batch))).containsExactlyElementsOf(ids);
            assertThat(standby.metric("bookhub_watcher_leader")).isEqualTo(1);
        } finally {
            leader.process().start().awaitHealthy(START);
        }
    }

    @Test
    void aLeaderPausedPastItsLeaseAppendsNothingWhenItWakesAndTheClientGetsEveryChangeOnce() {
        WatcherAdmin leader = awaitOneLeader();
        WatcherAdmin standby = leader == first ? second : first;
        String batch = Api.unique("Paused");
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            List<String> ids = new ArrayList<>(insertBooks(batch, 20, new AtomicInteger()));
            await().atMost(Duration.ofSeconds(60)).until(() -> created(client, batch).size() >= 20);
            double appendedBeforePause = leader.metric(APPENDED);

            leader.process().pause();
            long pausedAt = System.nanoTime();
            try {
                await().atMost(TAKEOVER_BOUND).until(standby::isLeader);
                System.out.printf("paused leader: the standby led %d ms after the SIGSTOP%n", (System.nanoTime() - pausedAt) / 1_000_000);
                ids.addAll(insertBooks(batch, 20, new AtomicInteger()));
            } finally {
                leader.process().resume();
            }
            // Woken, it reads the changes made while it stood still and still believes it leads until its
            // next lease check: its publish window has closed, and the fence stands behind that.
            ids.addAll(insertBooks(batch, 20, new AtomicInteger()));
            await().atMost(Duration.ofSeconds(60)).until(() -> created(client, batch).size() >= ids.size());
            awaitSentinel(client, batch);
            await().atMost(TAKEOVER_BOUND).until(() -> !leader.isLeader());

            assertThat(ids(created(client, batch))).containsExactlyElementsOf(ids);
            assertThat(leader.metric(APPENDED)).isEqualTo(appendedBeforePause);
            assertThat(standby.isLeader()).isTrue();
        }
    }

    /** SIGKILLs the leader; returns how long it took the standby to lead (the wait is bounded by 15 s). */
    private static Duration killAndAwaitTakeover(WatcherAdmin leader, WatcherAdmin standby) {
        leader.process().kill();
        long killedAt = System.nanoTime();
        await().atMost(TAKEOVER_BOUND).until(standby::isLeader);
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    private WatcherAdmin awaitOneLeader() {
        await().atMost(Duration.ofSeconds(60)).until(() -> first.isLeader() != second.isLeader());
        return first.isLeader() ? first : second;
    }

    private List<String> insertBooks(String batch, int count, AtomicInteger written) {
        MongoCollection<Document> books = mongo.getDatabase("bookhub").getCollection("books");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(books.insertOne(new Document("title", batch + " #" + i).append("author", "Failover").append("price", i))
                    .getInsertedId().asObjectId().getValue().toHexString());
            written.incrementAndGet();
        }
        return ids;
    }

    /** Events arrive in order: once a later change is seen, nothing of the batch is still on its way. */
    private void awaitSentinel(LiveClient client, String batch) {
        String sentinel = insertBooks(batch + " sentinel", 1, new AtomicInteger()).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> !client.eventsFor(sentinel).isEmpty());
    }

    private static List<JsonNode> created(LiveClient client, String batch) {
        return client.events().stream()
                .filter(event -> event.path("type").asString().equals("book:created"))
                .filter(event -> event.path("data").path("title").asString().startsWith(batch + " #"))
                .toList();
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("data").path("id").asString()).toList();
    }
}
