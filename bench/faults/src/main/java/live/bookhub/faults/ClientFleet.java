package live.bookhub.faults;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import live.bookhub.events.Topics;

/**
 * The run's clients, spread over the gateways: WebSocket and SSE, anonymous readers of {@code books}
 * and customers who also read their own {@code orders:<id>}. One HTTP client and a few threads carry
 * them all.
 */
final class ClientFleet implements AutoCloseable {

    /** A customer whose token a client uses, and the topic of their orders. */
    record Customer(String userId, String token) {
    }

    private final List<FaultClient> clients = new ArrayList<>();
    private final List<IntSupplier> gatewayPorts;
    private final EventKeys keys;
    private final ExecutorService io = Executors.newFixedThreadPool(4, daemon("client-io"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("client-reconnect"));
    private final Map<Integer, AtomicLong> closes = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    private final Refetch refetch;

    ClientFleet(List<IntSupplier> gatewayPorts, EventKeys keys, String apiUrl) {
        this.gatewayPorts = List.copyOf(gatewayPorts);
        this.keys = keys;
        this.refetch = new Refetch(http, apiUrl);
    }

    /** Creates and connects the clients: every {@code 1/sseShare}-th on SSE, a share of them as customers. */
    void connect(FaultSettings settings, List<Customer> customers) {
        int sseEvery = settings.sseShare() == 0 ? Integer.MAX_VALUE : (int) Math.round(1 / settings.sseShare());
        int privateEvery = settings.privateShare() == 0 ? Integer.MAX_VALUE : (int) Math.round(1 / settings.privateShare());
        for (int i = 0; i < settings.clients(); i++) {
            FaultClient.Kind kind = i % sseEvery == sseEvery - 1 ? FaultClient.Kind.SSE : FaultClient.Kind.WEBSOCKET;
            FaultClient client;
            if (i % privateEvery == 0 && !customers.isEmpty()) {
                Customer customer = customers.get((i / privateEvery) % customers.size());
                client = new FaultClient(i, kind, List.of(Topics.BOOKS, Topics.orders(customer.userId())), customer.token(),
                        i % gatewayPorts.size(), this);
            } else {
                client = new FaultClient(i, kind, List.of(Topics.BOOKS), null, i % gatewayPorts.size(), this);
            }
            clients.add(client);
            client.connect();
        }
    }

    List<FaultClient> clients() {
        return List.copyOf(clients);
    }

    /** Waits until every client that is not held offline is welcomed; returns how many are not. */
    int awaitConnected(Duration timeout) throws InterruptedException {
        return awaitAll(client -> client.isOffline() || client.isWelcomed(), timeout);
    }

    /** Waits until no client is connected to {@code gateway} any more; returns how many still are. */
    int awaitGone(int gateway, Duration timeout) throws InterruptedException {
        return awaitAll(client -> !(client.isWelcomed() && client.gateway() == gateway), timeout);
    }

    /** Waits until every client online has received this write (the run's last); returns how many have not. */
    int awaitReceived(long seq, Duration timeout) throws InterruptedException {
        return awaitAll(client -> client.isOffline() || client.receipts().recentlyGot(seq, 200), timeout);
    }

    private int awaitAll(Predicate<FaultClient> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int pending = (int) clients.stream().filter(done.negate()).count();
            if (pending == 0 || System.nanoTime() > deadline) {
                return pending;
            }
            Thread.sleep(200); // sampling the clients' state, which changes on their own threads
        }
    }

    /** Takes every {@code every}-th client offline (a client-side close, no reconnect); returns them. */
    List<FaultClient> takeOffline(int every) {
        List<FaultClient> offline = new ArrayList<>();
        for (int i = 0; i < clients.size(); i += every) {
            clients.get(i).goOffline();
            offline.add(clients.get(i));
        }
        return offline;
    }

    /** How many of {@code clients} received a reset since {@code sinceMs}. */
    static long resetSince(List<FaultClient> clients, long sinceMs) {
        return clients.stream().filter(client -> client.receipts().resetTimes().stream().anyMatch(at -> at >= sinceMs)).count();
    }

    long closesWith(int code) {
        return closes.getOrDefault(code, new AtomicLong()).get();
    }

    long connectedTo(int gateway) {
        return clients.stream().filter(client -> client.isWelcomed() && client.gateway() == gateway).count();
    }

    void closed(int code) {
        closes.computeIfAbsent(code, key -> new AtomicLong()).incrementAndGet();
    }

    int gatewayPort(int index) {
        return gatewayPorts.get(index).getAsInt();
    }

    int gatewayCount() {
        return gatewayPorts.size();
    }

    HttpClient http() {
        return http;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Refetch refetch() {
        return refetch;
    }

    EventKeys keys() {
        return keys;
    }

    boolean isStopping() {
        return stopping;
    }

    @Override
    public void close() {
        stopping = true;
        clients.forEach(FaultClient::close);
        scheduler.shutdownNow();
        io.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
