package live.bookhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import live.bookhub.embedded.EmbeddedRedis;
import live.bookhub.embedded.FreePorts;

/**
 * {@code ./bookhub bench}: the same load against the push-gateway and against a Socket.IO 4 server,
 * both fed from one Redis channel by the watcher's own append script, in one run on this machine.
 * Everything listens and connects on 127.0.0.1; every step is bounded in count and time.
 */
public final class Bench {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);

    private final BenchSettings settings;
    private final Path logs;

    private Bench(BenchSettings settings, Path logs) {
        this.settings = settings;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("io.lettuce.core.iouring", "false"); // its Redis connections stay on epoll, without io_uring's options
        BenchSettings settings = BenchSettings.parse(args);
        // Ctrl-C or a SIGTERM must not leave servers or redis-server running behind the benchmark.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy),
                "bench-stop-children"));
        Path results = settings.home().resolve("bench/results");
        Bench bench = new Bench(settings, results.resolve("logs"));
        System.out.printf("bench: %d clients, rates %s ev/s, %s steps, %s idle clients, %d gateway(s), %s, %d cores, load average %s%n",
                settings.clients(), settings.rates(), settings.step(), settings.idleClients(), settings.gateways(), settings.io(),
                Runtime.getRuntime().availableProcessors(), ProcStats.loadAverage());
        String loadBefore = ProcStats.loadAverage();
        List<TargetResult> measured = new ArrayList<>();
        List<TargetResult> bare = new ArrayList<>();
        ResumeStorm.Result storm = null;
        try (EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.next(), null);
             Publisher publisher = new Publisher(redis.uri())) {
            Function<Integer, ServerProcess> gateway = index -> ServerProcess.gateway(settings.gatewayJar(), FreePorts.next(), redis.uri(),
                    settings.gatewayJvm(), settings.gatewayArguments(), bench.logs.resolve("gateway-" + index + ".log"));
            if (settings.filters().only()) {
                FilterBench.run(settings, publisher, gateway, results);
                return;
            }
            measured.add(bench.measure("push-gateway", Protocol.BOOKHUB, publisher, gateway, settings.gateways(), settings.rates(),
                    settings.idleClients()));
            if (!settings.bareRates().isEmpty()) {
                bare.add(bench.measure("bare netty", Protocol.BOOKHUB, publisher, index -> ServerProcess.bareNetty(settings.home(),
                        FreePorts.next(), redis.uri(), settings.io(), settings.gatewayJvm(), bench.logs.resolve("bare-netty.log")), 1, settings.bareRates(), List.of()));
                bare.add(bench.measure("bare ws", Protocol.BOOKHUB, publisher, index -> ServerProcess.bareWs(settings.home(),
                        FreePorts.next(), redis.uri(), bench.logs.resolve("bare-ws.log")), 1, settings.bareRates(), List.of()));
            }
            if (settings.socketIo()) {
                measured.add(bench.measure("socket.io", Protocol.SOCKET_IO, publisher, index ->
                        ServerProcess.socketIo(settings.home(), FreePorts.next(), redis.uri(), bench.logs.resolve("socketio.log")), 1,
                        settings.rates(), settings.idleClients().subList(0, Math.min(1, settings.idleClients().size()))));
            }
            if (settings.stormClients() > 0) {
                try {
                    storm = ResumeStorm.run(settings, publisher, redis.uri(), gateway);
                    System.out.print(ResumeStorm.Result.header() + storm.row("push-gateway"));
                } catch (IllegalStateException e) {
                    // the other figures still stand; the report says the storm did not complete
                    System.out.println("resume storm did not complete: " + e.getMessage());
                }
            }
            if (settings.filters().clients() > 0) {
                FilterBench.run(settings, publisher, gateway, results);
            }
        }
        if (measured.size() < 2 || settings.idleClients().isEmpty()) {
            return; // the steps were printed as they ran; the report compares two servers
        }
        Report report = new Report(settings, measured.get(0), measured.get(1), bare, storm, Instant.now(), loadBefore,
                ProcStats.loadAverage());
        String text = report.text();
        System.out.println(text);
        Files.createDirectories(results);
        Files.writeString(results.resolve("latest.md"), text);
        Files.writeString(results.resolve("latest.svg"), report.svg());
        System.out.println("written: " + results.resolve("latest.md") + ", " + results.resolve("latest.svg"));
    }

    private TargetResult measure(String name, Protocol protocol, Publisher publisher, Function<Integer, ServerProcess> starter,
                                 int processes, List<Integer> rates, List<Integer> manyClients) throws Exception {
        List<StepResult> ladder = new ArrayList<>();
        try (Servers servers = Servers.start(starter, processes)) {
            try (LoadClients clients = new LoadClients(protocol, settings.clientThreads())) {
                clients.connect(servers.ports(), settings.clients(), CONNECT_TIMEOUT);
                System.out.printf("%s: %d clients connected; warming up (load average %s)%n", name, settings.clients(), ProcStats.loadAverage());
                step(clients, publisher, servers.pids(), settings.clients(), rates.get(0), settings.step());
                for (int rate : rates) {
                    StepResult step = step(clients, publisher, servers.pids(), settings.clients(), rate, settings.step());
                    print(name, step);
                    ladder.add(step);
                    if (!step.sustained()) {
                        break;
                    }
                }
            }
        }
        List<TargetResult.ManyClients> many = new ArrayList<>();
        for (int count : manyClients) {
            many.add(manyClients(name, protocol, publisher, starter, processes, count));
        }
        return new TargetResult(name, ladder, many);
    }

    /**
     * Memory is measured on fresh servers: after the ladder, a runtime that already grew its heap (or
     * its V8 heap) takes new connections into memory it holds anyway.
     */
    private TargetResult.ManyClients manyClients(String name, Protocol protocol, Publisher publisher, Function<Integer, ServerProcess> starter,
                                                 int processes, int count) throws Exception {
        try (Servers servers = Servers.start(starter, processes);
             LoadClients idle = new LoadClients(protocol, settings.clientThreads())) {
            Thread.sleep(QUIET.toMillis()); // let the fresh server settle after its start, for the baseline
            long rssBefore = servers.pids().stream().mapToLong(ProcStats::rssBytes).sum();
            idle.connect(servers.ports(), count, CONNECT_TIMEOUT);
            long rssAfter = servers.pids().stream().mapToLong(ProcStats::rssBytes).sum();
            double perClient = (rssAfter - rssBefore) / (double) count;
            System.out.printf("%s: %d idle clients connected to a fresh server, %.1f KiB resident memory each (load average %s)%n", name,
                    count, perClient / 1024, ProcStats.loadAverage());
            StepResult step = step(idle, publisher, servers.pids(), count, settings.idleRate(), settings.step());
            print(name, step);
            return new TargetResult.ManyClients(step, perClient);
        }
    }

    /** The server processes of one measurement, started and ready; closing stops them all. */
    private record Servers(List<ServerProcess> processes) implements AutoCloseable {

        static Servers start(Function<Integer, ServerProcess> starter, int count) throws Exception {
            Servers servers = new Servers(new ArrayList<>());
            try {
                for (int i = 0; i < count; i++) {
                    servers.processes.add(starter.apply(i + 1));
                }
                for (ServerProcess server : servers.processes) {
                    server.awaitReady(Duration.ofSeconds(90));
                }
                return servers;
            } catch (Exception | Error e) {
                servers.close();
                throw e;
            }
        }

        List<Integer> ports() {
            return processes.stream().map(ServerProcess::port).toList();
        }

        List<Long> pids() {
            return processes.stream().map(ServerProcess::pid).toList();
        }

        @Override
        public void close() throws InterruptedException {
            for (ServerProcess server : processes) {
                server.close();
            }
        }
    }

    /** Publishes at {@code rate} for {@code duration}, waits until every delivery arrived or none came for a while, and measures. */
    private static StepResult step(LoadClients clients, Publisher publisher, List<Long> pids, int clientCount, int rate,
                                   Duration duration) throws InterruptedException {
        Phase phase = new Phase(publisher.nextSeq(), (int) (rate * duration.toMillis() / 1000));
        clients.startPhase(phase);
        double cpuBefore = cpu(pids);
        double kernelBefore = kernel(pids);
        long start = System.nanoTime();
        long published = publisher.publish(rate, duration);
        long expected = published * clientCount;
        long lastArrival = phase.awaitDeliveries(expected, QUIET, DRAIN_TIMEOUT);
        double cpu = cpu(pids) - cpuBefore;
        double kernel = kernel(pids) - kernelBefore;
        clients.startPhase(null);
        long delivered = phase.unique.sum();
        double seconds = Math.max(duration.toNanos(), lastArrival - start) / 1e9;
        return new StepResult(clientCount, rate, published, delivered, expected - delivered, phase.duplicates.sum(),
                delivered / seconds, phase.latency.percentileMillis(0.50), phase.latency.percentileMillis(0.99),
                phase.latency.percentileMillis(0.999), cpu, delivered == 0 ? Double.NaN : cpu / (delivered / 1e6),
                cpu == 0 ? Double.NaN : kernel / cpu);
    }

    private static double cpu(List<Long> pids) {
        return pids.stream().mapToDouble(ProcStats::cpuSeconds).sum();
    }

    private static double kernel(List<Long> pids) {
        return pids.stream().mapToDouble(ProcStats::systemSeconds).sum();
    }

    private static void print(String name, StepResult step) {
        System.out.printf("%s: %5d clients x %5d ev/s: %,10.0f deliveries/s, p50 %7.1f ms, p99 %7.1f ms, p99.9 %7.1f ms, missing %d, duplicates %d, %.2f CPU-s/M (%.0f%% kernel)%s%n",
                name, step.clients(), step.eventsPerSecond(), step.deliveriesPerSecond(), step.p50Millis(), step.p99Millis(),
                step.p999Millis(), step.missing(), step.duplicates(), step.cpuSecondsPerMillion(), step.kernelShare() * 100,
                step.sustained() ? "" : "  (not sustained)");
    }
}
