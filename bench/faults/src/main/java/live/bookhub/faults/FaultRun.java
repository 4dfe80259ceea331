package live.bookhub.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import live.bookhub.infra.StackException;
import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.WatcherAdmin;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./bookhub faults}: the whole local stack, several hundred clients, steady writes from the api
 * and from mongosh, and one fault after another; then every client's deliveries against the source
 * log, as one table. It prints figures and asserts nothing; every process it starts is stopped when
 * it ends, however it ends.
 */
public final class FaultRun implements AutoCloseable {

    private static final Map<String, Fault> FAULTS = Map.of(
            "watcher-kill", new WatcherKill(), "watcher-pause", new WatcherPause(), "redis-outage", new RedisOutage(),
            "redis-amnesia", new RedisAmnesia(), "gateway-kill", new GatewayKill(), "gateway-drain", new GatewayDrain(),
            "mongo-restart", new MongoRestart(), "stream-trimmed", new StreamTrimmed(), "oplog-rolled", new OplogRolled());
    private static final Duration CONNECT = Duration.ofMinutes(3);
    private static final Duration LAST_WRITE = Duration.ofMinutes(2);

    private final FaultSettings settings;
    private final Path dataDir;
    private FaultStack stack;
    private SourceLog log;
    private ClientFleet fleet;
    private ApiWriter apiWriter;
    private MongoshWriter mongoshWriter;
    private MongoClient mongo;
    private boolean closed;
    /** Set as the run is being stopped (Ctrl-C, the time bound): its half-done figures are not written. */
    private volatile boolean stopping;

    private FaultRun(FaultSettings settings, Path dataDir) {
        this.settings = settings;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) {
        FaultSettings settings;
        try {
            settings = FaultSettings.parse(args);
        } catch (FaultSettings.BadOption e) {
            System.err.println("faults: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("bookhub.home", settings.home().toString()); // where infra's Mongosh finds tools/
        // mongosh ends its connections with an OP_MSG flagged moreToCome, which the embedded server does not
        // support and logs as an ERROR with a stack trace each time: noise in the run's output, not a fault
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoExceptionHandler", "off");
        FaultRun run;
        try {
            Mongosh.binary();
            run = new FaultRun(settings, Files.createTempDirectory("bookhub-faults"));
        } catch (IOException | IllegalStateException e) {
            System.err.println("faults: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Ctrl-C, a failure or the time bound: whatever ends the run stops what it started.
        Runtime.getRuntime().addShutdownHook(new Thread(run::close, "faults-stop"));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(settings.maxRun().toMillis());
                System.err.println("faults: the run took longer than " + settings.maxRun().toMinutes() + " minutes (--max-minutes); stopping");
                System.exit(3);
            } catch (InterruptedException e) {
                // the run ended in time
            }
        }, "faults-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            // the options as the user gave them to ./bookhub faults (which adds --home itself)
            String given = String.join(" ", java.util.Arrays.stream(args).filter(arg -> !arg.startsWith("--home=")).toList());
            String report = run.execute(given);
            System.out.println();
            System.out.println(report);
            System.exit(0);
        } catch (StackException e) {
            System.err.println("faults: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("faults: the run failed: " + e + " (logs under " + run.dataDir + ")");
            e.printStackTrace();
            System.exit(1);
        }
    }

    private String execute(String args) throws Exception {
        String loadAtStart = loadAverage();
        say("data and logs under " + dataDir + "; load average " + loadAtStart);
        say("starting the stack: MongoDB-wire server, redis-server, api, two watchers, two gateways");
        stack = FaultStack.start(settings, dataDir.resolve("stack"));
        String apiUrl = stack.local().api().baseUrl();
        Api api = Api.admin(apiUrl);
        List<ClientFleet.Customer> customers = new ArrayList<>();
        for (int i = 0; i < settings.customers(); i++) {
            JsonNode session = Api.signUpCustomer(apiUrl, "faults");
            customers.add(new ClientFleet.Customer(session.path("user").path("id").asString(), session.path("token").asString()));
        }
        awaitStreaming();
        log = new SourceLog(dataDir.resolve("source-log.ndjson"));
        List<IntSupplier> ports = List.of(() -> stack.gateway(0).port(), () -> stack.gateway(1).port());
        fleet = new ClientFleet(ports, new EventKeys(log), apiUrl);
        fleet.connect(settings, customers);
        int notConnected = fleet.awaitConnected(CONNECT);
        String clientMix = clientMix();
        say(clientMix + " connected" + (notConnected > 0 ? " (" + notConnected + " not welcomed within " + CONNECT + ")" : ""));

        mongo = MongoClients.create(stack.local().mongoUri());
        apiWriter = new ApiWriter(api, log, settings.apiRate()).start();
        mongoshWriter = MongoshWriter.start(stack.local().mongoUri(), customers.stream().map(ClientFleet.Customer::userId).toList(),
                settings.mongoshRate(), stack.local().settings().dataDir(), log);
        FaultContext context = new FaultContext(settings, stack, fleet, log, mongo);
        List<PhaseWindow> phases = new ArrayList<>();
        for (String name : settings.faults()) {
            Fault fault = FAULTS.get(name);
            long start = System.currentTimeMillis();
            say(name + ": writes flow for " + settings.phase().toSeconds() + " s, then the fault");
            FaultContext.pause(settings.phase());
            String notes;
            try {
                notes = fault.inject(context);
            } catch (RuntimeException e) {
                notes = "the fault's recovery failed: " + e.getMessage();
            }
            say(name + ": " + notes);
            FaultContext.pause(settings.phase());
            phases.add(new PhaseWindow(name, fault.description(), start, System.currentTimeMillis(), notes));
        }
        apiWriter.close();
        mongoshWriter.close();
        long last = apiWriter.writeSentinel();
        int behind = fleet.awaitReceived(last, LAST_WRITE);
        String tail = (behind == 0 ? "Every client online received the run's last write."
                : behind + " clients had not received the run's last write " + LAST_WRITE.toSeconds() + " s after it.")
                + " " + fleet.refetch().summary() + ".";
        say(tail);
        Accounting.Result result = Accounting.tally(phases, log, fleet.clients());
        Files.writeString(dataDir.resolve("evidence.txt"), result.evidence());
        FaultReport report = new FaultReport(settings, ("./bookhub faults " + args).trim(), Instant.now(), loadAtStart, loadAverage(),
                phases, result, clientMix, tail + " Source log, service logs and the evidence of each silent loss and doubled delivery: " + dataDir + ".");
        String text = report.text();
        if (stopping) {
            throw new IllegalStateException("stopped before the end: no results written");
        }
        Path results = settings.home().resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("faults-latest.md"), text);
        say("written: " + results.resolve("faults-latest.md"));
        return text;
    }

    /** A healthy leader is not yet a live pipeline: its change streams open "from now" a moment after it reports UP. */
    private void awaitStreaming() throws InterruptedException {
        WatcherAdmin leader = stack.awaitLeader(FaultContext.RECOVERY);
        long deadline = System.nanoTime() + FaultContext.RECOVERY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Double.isNaN(leader.metric("bookhub_watcher_checkpoint_age_seconds", "collection=\"books\""))
                    && !Double.isNaN(leader.metric("bookhub_watcher_checkpoint_age_seconds", "collection=\"orders\""))) {
                return;
            }
            Thread.sleep(200); // polling the leader's metrics
        }
        throw new IllegalStateException("the leading watcher's change streams did not open within " + FaultContext.RECOVERY);
    }

    private String clientMix() {
        long sse = fleet.clients().stream().filter(client -> client.kind() == FaultClient.Kind.SSE).count();
        long customers = fleet.clients().stream().filter(client -> client.topics().size() > 1).count();
        return String.format("%d clients (%d WebSocket, %d SSE; %d customers also reading their orders:<id>) over 2 gateways",
                fleet.clients().size(), fleet.clients().size() - sse, sse, customers);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void say(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " faults: " + line);
    }

    @Override
    public void close() {
        stopping = true;
        stopAll();
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (mongoshWriter != null && mongoshWriter.isAlive()) {
                mongoshWriter.close();
            }
            if (apiWriter != null) {
                apiWriter.close();
            }
        } catch (Exception e) {
            // stopping anyway
        }
        if (fleet != null) {
            fleet.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (log != null) {
            log.close();
        }
        // anything left (a mongosh, a service started again): no process outlives the run
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            Thread.sleep(TimeUnit.MILLISECONDS.toMillis(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
