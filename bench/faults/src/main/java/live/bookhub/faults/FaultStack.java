package live.bookhub.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import live.bookhub.embedded.EmbeddedMongo;
import live.bookhub.embedded.FreePorts;
import live.bookhub.infra.LocalStack;
import live.bookhub.infra.ServiceProcess;
import live.bookhub.infra.StackSettings;
import live.bookhub.infra.support.WatcherAdmin;

/**
 * The whole local stack as {@code ./bookhub start} runs it ({@link LocalStack}: MongoDB-wire server in
 * this JVM, a real redis-server, the api, a watcher), on free ports and in a fresh folder, with a second
 * watcher and two gateways, and the operations the faults need on it.
 */
final class FaultStack implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(180);
    private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m");

    private final LocalStack stack;
    private final List<WatcherAdmin> watchers;
    /** Processes stopped with SIGSTOP: continued before anything else at the end, or they could not stop. */
    private final Set<Long> paused = ConcurrentHashMap.newKeySet();

    private final List<ServiceProcess> gateways;

    private FaultStack(LocalStack stack, WatcherAdmin second, List<ServiceProcess> gateways) {
        this.stack = stack;
        this.watchers = List.of(new WatcherAdmin(stack.watcher()), second);
        this.gateways = List.copyOf(gateways);
    }

    /**
     * Starts the stack in two waves: {@link LocalStack} with the api and the first watcher (it gives each
     * service two minutes, which a loaded machine can miss when every JVM starts at once), then the
     * second watcher and the two gateways, with a bound of this class's own.
     */
    static FaultStack start(FaultSettings settings, Path dataDir) {
        StackSettings stackSettings = new StackSettings(settings.home(), dataDir, FreePorts.next(), List.of(), List.of(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), JVM,
                List.of("--bookhub.watcher.checkpoint-interval=1s",
                        "--bookhub.watcher.stream-max-length=" + settings.streamMaxLength(),
                        // tokens outlive the run: an expiry would close the customers' connections (1008)
                        "--bookhub.auth.access-token-ttl=3h"));
        LocalStack stack = LocalStack.start(stackSettings, EmbeddedMongo.Options.defaults().withOplogMaxSizeBytes(settings.oplogBytes()));
        try {
            List<ServiceProcess> more = List.of(stack.newWatcher("change-watcher-2"), stack.newGateway("push-gateway-1"),
                    stack.newGateway("push-gateway-2"));
            more.forEach(ServiceProcess::start);
            more.forEach(service -> service.awaitHealthy(START));
            return new FaultStack(stack, new WatcherAdmin(more.get(0)), more.subList(1, 3));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    LocalStack local() {
        return stack;
    }

    List<WatcherAdmin> watchers() {
        return watchers;
    }

    ServiceProcess gateway(int index) {
        return gateways.get(index);
    }

    /** The one watcher that leads, once exactly one does (within {@code timeout}). */
    WatcherAdmin awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<WatcherAdmin> leaders = watchers.stream().filter(w -> !isPaused(w) && w.process().isAlive() && w.isLeader()).toList();
            if (leaders.size() == 1) {
                return leaders.get(0);
            }
            Thread.sleep(100); // polling health endpoints
        }
        throw new IllegalStateException("no single leading watcher within " + timeout);
    }

    /** Waits until {@code watcher} leads; returns how long that took. */
    Duration awaitLeads(WatcherAdmin watcher, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (watcher.isLeader()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100); // polling its health endpoint
        }
        throw new IllegalStateException(watcher.process().name() + " did not lead within " + timeout);
    }

    WatcherAdmin other(WatcherAdmin watcher) {
        return watchers.get(0) == watcher ? watchers.get(1) : watchers.get(0);
    }

    void pause(ServiceProcess process) {
        paused.add(process.pid());
        Signals.send("STOP", process.pid());
    }

    void resume(ServiceProcess process) {
        Signals.send("CONT", process.pid());
        paused.remove(process.pid());
    }

    private boolean isPaused(WatcherAdmin watcher) {
        return watcher.process().isAlive() && paused.contains(watcher.process().pid());
    }

    /** Redis restarted without its data, as one without persistence comes back: the stream, tokens and fence gone. */
    void restartRedisEmpty() {
        stack.restartRedisWithoutItsData();
    }

    @Override
    public void close() {
        for (Long pid : List.copyOf(paused)) {
            Signals.send("CONT", pid);
        }
        paused.clear();
        stack.close();
    }
}
