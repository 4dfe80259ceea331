package live.bookhub.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import live.bookhub.embedded.FreePorts;
import live.bookhub.infra.LocalStack;
import live.bookhub.infra.StackSettings;

/**
 * {@code ./bookhub bench pipeline}: the local stack as {@code ./bookhub start} runs it, without the
 * sample catalog, one live screen per gateway, and a DBA in the real mongosh: an {@code insertMany} of
 * the books, one {@code updateMany} over them, then a catch-up of changes made while the watcher was
 * stopped. It prints figures and asserts nothing; everything it starts is stopped when it ends.
 */
public final class PipelineRun {

    private static final Duration DELIVERY_BOUND = Duration.ofMinutes(10);

    private final PipelineSettings settings;
    private final LocalStack stack;
    private final List<Screen> screens = new ArrayList<>();

    private PipelineRun(PipelineSettings settings, LocalStack stack) {
        this.settings = settings;
        this.stack = stack;
    }

    public static void main(String[] args) throws IOException {
        PipelineSettings settings;
        try {
            settings = PipelineSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench pipeline: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("bookhub.home", settings.home().toString()); // where infra's Mongosh finds tools/
        System.setProperty("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoExceptionHandler", "off");
        Path dataDir = Files.createTempDirectory("bookhub-pipeline");
        // ./bookhub start's settings (its JVM options and log format, BOOKHUB_JAVA_OPTS too) on free ports
        Map<String, String> env = new HashMap<>(System.getenv());
        Iterator<Integer> ports = distinctFreePorts(8);
        env.putAll(Map.of("BOOKHUB_HOME", settings.home().toString(), "BOOKHUB_DATA_DIR", dataDir.toString(),
                "BOOKHUB_SAMPLE_CATALOG", "false", "BOOKHUB_API_PORT", String.valueOf(ports.next()), "BOOKHUB_WATCHER_PORT", String.valueOf(ports.next()),
                "BOOKHUB_MONGO_PORT", String.valueOf(ports.next()), "BOOKHUB_REDIS_PORT", String.valueOf(ports.next()),
                "BOOKHUB_GATEWAY_PORTS", ports.next() + "," + ports.next(), "BOOKHUB_GATEWAY_ADMIN_PORTS", ports.next() + "," + ports.next()));
        StackSettings stackSettings = StackSettings.fromEnvironment(env);
        List<String> serviceArgs = new ArrayList<>(stackSettings.serviceArgs());
        serviceArgs.addAll(settings.watcherArgs());
        stackSettings = new StackSettings(stackSettings.home(), dataDir, stackSettings.apiPort(), stackSettings.gatewayPorts(),
                stackSettings.gatewayAdminPorts(), stackSettings.watcherPort(), stackSettings.mongoPort(), stackSettings.redisPort(),
                stackSettings.javaOptions(), serviceArgs, false, stackSettings.quickStart());
        System.out.println("bench pipeline: starting the local stack in " + dataDir + " (load " + load() + ")");
        try (LocalStack stack = LocalStack.start(stackSettings)) {
            PipelineRun run = new PipelineRun(settings, stack);
            try {
                run.report(run.measure(), stackSettings);
            } finally {
                run.screens.forEach(Screen::close);
            }
        }
    }

    private List<Phase> measure() {
        stack.gateways().forEach(gateway -> screens.add(Screen.connect(gateway.port())));
        // a long monitor timeout: the embedded server answers on shared event loops, so a long updateMany can hold up mongosh's checks
        Dba dba = new Dba(stack.mongoUri() + "?connectTimeoutMS=300000");
        if (settings.warmUp() > 0) {
            // Not reported: a stack that has carried events before, as one running for a while has, so the
            // services' JIT compiles the event path before the measured phases rather than during them.
            phase("warm-up", 3 * settings.warmUp(), false, () -> dba.warmUp(settings.warmUp(), settings.insertBatch()));
        }
        List<Phase> phases = new ArrayList<>();
        phases.add(phase("insertMany", settings.books(), false, () -> dba.insertBooks(settings.books(), settings.insertBatch())));
        phases.add(phase("updateMany", settings.books(), false, () -> dba.updateAllBooks(1)));
        stack.watcher().stop(Duration.ofSeconds(15));
        Dba.Writes behind = dba.updateAllBooks(settings.catchUp() / settings.books());
        System.out.printf("bench pipeline: %,d changes made while the watcher was stopped, in %.1f s%n", settings.catchUp(),
                behind.millis() / 1000.0);
        phases.add(phase("catch-up", settings.catchUp(), true, () -> {
            stack.watcher().start();
            return behind;
        }));
        return phases;
    }

    /**
     * Runs {@code writes} and waits until every screen has its {@code changes} events (or the bound passes).
     *
     * @param watcherRestart whether {@code writes} starts the watcher (a catch-up): its rate counts from then
     */
    private Phase phase(String name, int changes, boolean watcherRestart, Supplier<Dba.Writes> writes) {
        String loadBefore = load();
        int[] from = screens.stream().mapToInt(screen -> screen.receipts().size()).toArray();
        Map<String, Long> cpuBefore = watcherRestart ? null : ProcessCpu.sample(stack);
        long started = System.currentTimeMillis();
        Dba.Writes done = writes.get();
        long watcherStart = watcherRestart ? started : 0;
        long deadline = System.nanoTime() + DELIVERY_BOUND.toNanos();
        while (System.nanoTime() < deadline && !allArrived(from, changes)) {
            if (cpuBefore == null && anyArrived(from)) {
                cpuBefore = ProcessCpu.sample(stack); // the restarted watcher's start is not the catch-up's cost
            }
            sleep();
        }
        if (cpuBefore == null) {
            cpuBefore = ProcessCpu.sample(stack);
        }
        Map<String, Double> cpu = ProcessCpu.seconds(cpuBefore, ProcessCpu.sample(stack));
        List<List<Screen.Receipt>> received = new ArrayList<>();
        for (int i = 0; i < screens.size(); i++) {
            received.add(screens.get(i).receipts().since(from[i]));
        }
        Phase phase = new Phase(name, changes, done, received, watcherStart, cpu, loadBefore, load());
        System.out.println("bench pipeline: " + PipelineReport.row(phase));
        return phase;
    }

    private boolean anyArrived(int[] from) {
        for (int i = 0; i < screens.size(); i++) {
            if (screens.get(i).receipts().size() > from[i]) {
                return true;
            }
        }
        return false;
    }

    private boolean allArrived(int[] from, int changes) {
        for (int i = 0; i < screens.size(); i++) {
            if (screens.get(i).receipts().size() - from[i] < changes) {
                return false;
            }
        }
        return true;
    }

    private void report(List<Phase> phases, StackSettings stackSettings) throws IOException {
        String text = PipelineReport.markdown(Instant.now(), settings, stackSettings, phases);
        System.out.println();
        System.out.println(text);
        Files.createDirectories(settings.out().getParent());
        Files.writeString(settings.out(), text);
        System.out.println("bench pipeline: written to " + settings.out());
    }

    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Free ports, each once: two quick asks for a free port can get the same one. */
    private static Iterator<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(FreePorts.next());
        }
        return ports.iterator();
    }

    private static void sleep() {
        try {
            Thread.sleep(20); // polling the screens' counts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
