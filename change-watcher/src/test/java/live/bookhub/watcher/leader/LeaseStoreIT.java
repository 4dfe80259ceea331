package live.bookhub.watcher.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import live.bookhub.embedded.EmbeddedMongo;
import live.bookhub.watcher.support.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaseStoreIT {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(6);

    private EmbeddedMongo mongo;
    private MongoClient client;
    private LeaseStore leases;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.start(0, null);
        client = MongoClients.create(mongo.connectionString("bookhub"));
        leases = new LeaseStore(client, Settings.withLease(TTL, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void theFirstReplicaTakesTheLeaseInEpochOneAndNoOtherWhileItLasts() {
        assertThat(leases.acquire("a", T0)).contains(new Lease("a", 1, T0.plus(TTL)));

        assertThat(leases.acquire("b", T0.plus(TTL).minusMillis(1))).isEmpty();
        assertThat(leases.current()).contains(new Lease("a", 1, T0.plus(TTL)));
    }

    @Test
    void onlyTheHolderRenewsAndOnlyInItsTerm() {
        leases.acquire("a", T0);

        assertThat(leases.renew("a", 1, T0.plusSeconds(2))).contains(new Lease("a", 1, T0.plusSeconds(2).plus(TTL)));
        assertThat(leases.renew("b", 1, T0.plusSeconds(2))).isEmpty();
        assertThat(leases.renew("a", 2, T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverInTheNextEpochAndItsOldHolderCannotRenewIt() {
        leases.acquire("a", T0);

        assertThat(leases.acquire("b", T0.plus(TTL))).contains(new Lease("b", 2, T0.plus(TTL).plus(TTL)));
        assertThat(leases.renew("a", 1, T0.plus(TTL))).isEmpty();
        assertThat(leases.acquire("a", T0.plus(TTL))).isEmpty();
    }

    @Test
    void aHolderThatTakesItsOwnLeaseAgainStartsANewTerm() {
        leases.acquire("a", T0);

        assertThat(leases.acquire("a", T0.plusSeconds(1))).contains(new Lease("a", 2, T0.plusSeconds(1).plus(TTL)));
    }

    @Test
    void aReleasedLeaseCanBeTakenAtOnce() {
        leases.acquire("a", T0);
        leases.release("a", 1, T0.plusSeconds(1));

        assertThat(leases.acquire("b", T0.plusSeconds(1))).contains(new Lease("b", 2, T0.plusSeconds(1).plus(TTL)));
    }

    @Test
    void replicasRacingForAFreeLeaseElectExactlyOne() throws Exception {
        int replicas = 8;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Optional<Lease>>> attempts = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                String replica = "r" + i;
                attempts.add(pool.submit(() -> {
                    go.await();
                    return leases.acquire(replica, T0);
                }));
            }
            go.countDown();
            List<Lease> won = new ArrayList<>();
            for (Future<Optional<Lease>> attempt : attempts) {
                attempt.get().ifPresent(won::add);
            }

            assertThat(won).hasSize(1);
            assertThat(leases.current()).contains(won.get(0));
        } finally {
            pool.shutdownNow();
        }
    }
}
