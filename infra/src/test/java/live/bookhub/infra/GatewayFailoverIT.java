package live.bookhub.infra;

import static live.bookhub.infra.support.Events.assertIdsIncrease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Three gateways with clients spread over them while changes flow: one is killed (SIGKILL), another
 * drained (SIGTERM). Every client reconnects to a live one, resumes from its last id, and ends with
 * every change exactly once.
 */
@SystemTest
class GatewayFailoverIT {

    private static final int CHANGES = 150;
    private static final int CLIENTS_PER_GATEWAY = 3;
    private static final Duration DRAIN_BOUND = Duration.ofSeconds(20);

    private final LocalStack stack;
    private final Api api;

    GatewayFailoverIT(LocalStack stack) {
        this.stack = stack;
        this.api = Api.admin(stack.api().baseUrl());
    }

    @Test
    void clientsOfAKilledAndOfADrainedGatewayResumeOnALiveOneAndGetEveryChangeOnce() throws Exception {
        ServiceProcess killed = stack.gateways().get(0);
        ServiceProcess drained = stack.gateways().get(1);
        ServiceProcess survivor = stack.newGateway("push-gateway-failover").start();
        List<ServiceProcess> live = new ArrayList<>(List.of(killed, drained, survivor));
        List<Follower> followers = new ArrayList<>();
        try {
            survivor.awaitHealthy(Duration.ofSeconds(120));
            String book = api.createBook(Api.book(Api.unique("Failover"))).path("id").asString();
            for (ServiceProcess gateway : live) {
                for (int i = 0; i < CLIENTS_PER_GATEWAY; i++) {
                    followers.add(new Follower(book, gateway));
                }
            }
            AtomicInteger written = new AtomicInteger();
            CompletableFuture<Void> changes = CompletableFuture.runAsync(() -> {
                for (int price = 0; price < CHANGES; price++) {
                    api.patchBook(book, Api.json().put("price", price));
                    written.incrementAndGet();
                }
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= CHANGES / 3);
            killed.kill();
            live.remove(killed);
            await().atMost(Duration.ofSeconds(30)).until(() -> followers.stream().allMatch(follower -> follower.connectedTo(live)));

            await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= 2 * CHANGES / 3);
            List<Follower> onDrained = followers.stream().filter(follower -> follower.gateway == drained).toList();
            live.remove(drained);
            long drainStart = System.nanoTime();
            drained.stop(DRAIN_BOUND);
            Duration drainTook = Duration.ofNanos(System.nanoTime() - drainStart);
            assertThat(drainTook).as("SIGTERM to exit").isLessThan(DRAIN_BOUND);
            assertThat(onDrained).isNotEmpty().allSatisfy(follower ->
                    assertThat(follower.client.closeCode()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1012));
            await().atMost(Duration.ofSeconds(30)).until(() -> followers.stream().allMatch(follower -> follower.connectedTo(live)));

            changes.get(120, java.util.concurrent.TimeUnit.SECONDS);
            for (Follower follower : followers) {
                await().atMost(Duration.ofSeconds(30)).until(() -> follower.connectedTo(live) && follower.prices().contains(CHANGES - 1));
                assertThat(follower.prices()).as("prices seen by a client that started on %s", follower.firstGateway)
                        .containsExactlyElementsOf(IntStream.range(0, CHANGES).boxed().toList());
                assertIdsIncrease(follower.events());
            }
        } finally {
            followers.forEach(Follower::close);
            survivor.stop(Duration.ofSeconds(20));
            killed.start();
            drained.start();
            killed.awaitHealthy(Duration.ofSeconds(120));
            drained.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    /** A client of the books topic that, when its gateway goes away, resumes on a live one from its last id. */
    private static final class Follower {
        private final String book;
        private final String firstGateway;
        private final List<JsonNode> kept = new ArrayList<>();
        private ServiceProcess gateway;
        private LiveClient client;

        Follower(String book, ServiceProcess gateway) {
            this.book = book;
            this.gateway = gateway;
            this.firstGateway = gateway.name();
            this.client = LiveClient.connect(gateway.port(), "topics=books");
        }

        /** Whether it is connected to one of {@code live}; reconnects (once per call) when it is not. */
        synchronized boolean connectedTo(List<ServiceProcess> live) {
            if (live.contains(gateway) && !client.closeCode().isDone()) {
                return true;
            }
            // One snapshot for what is kept and where to resume: nothing may fall between the two.
            List<JsonNode> received = client.events();
            String lastEventId = received.isEmpty() ? client.welcome().path("lastEventId").asString()
                    : received.get(received.size() - 1).path("id").asString();
            kept.addAll(received);
            client.close();
            gateway = live.get(Math.floorMod(System.identityHashCode(this), live.size()));
            client = LiveClient.connect(gateway.port(), "topics=books&lastEventId=" + lastEventId);
            return !client.closeCode().isDone();
        }

        synchronized List<JsonNode> events() {
            List<JsonNode> all = new ArrayList<>(kept);
            all.addAll(client.events());
            return all.stream().filter(event -> book.equals(event.path("data").path("id").asString())
                    && event.path("type").asString().equals("book:updated")).toList();
        }

        List<Integer> prices() {
            return events().stream().map(event -> event.path("data").path("price").asInt()).toList();
        }

        synchronized void close() {
            client.close();
        }
    }
}
