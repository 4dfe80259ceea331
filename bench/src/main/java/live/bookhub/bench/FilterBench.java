package live.bookhub.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Filtered subscriptions at scale: {@code clients} clients holding {@code filters} distinct filters on
 * {@code books} (book pages, carts, shelves, authors' pages, low-stock panels), then the same number of
 * clients on plain {@code books}, on one fresh gateway, each fed the same kind of catalogue changes
 * at the same rate. Measures the gateway's CPU per delivered event and per published event in both,
 * also net of what holding the clients costs with no events (measured just before each stretch),
 * and the share of deliveries the filters spared (an event not delivered to a client that would have
 * had it unfiltered).
 */
final class FilterBench {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final int CATALOGUE = 5_000;
    private static final long SEED = 16;

    /**
     * One measured stretch.
     *
     * @param expected   deliveries the protocol's rule owes: per event, the clients whose filter the book matched before or after it
     * @param cpuSeconds the gateway's CPU time (user + system) from the first publish until the deliveries stopped
     * @param idleCpuPerSecond the gateway's CPU time per second holding the same clients with no events (heartbeats, timers, GC)
     */
    record Stretch(String name, int clients, int filters, int rate, long published, long expected, long delivered, long duplicates,
                   double p50Millis, double p99Millis, double seconds, double cpuSeconds, double idleCpuPerSecond, String load) {

        double filteredOutShare() {
            return 1 - expected / ((double) published * clients);
        }

        double cpuMicrosPerDelivery() {
            return cpuSeconds * 1e6 / delivered;
        }

        double cpuMillisPerEvent() {
            return cpuSeconds * 1e3 / published;
        }

        /** The CPU time the events cost: the stretch's, less what holding the clients costs anyway. */
        double netCpuSeconds() {
            return cpuSeconds - idleCpuPerSecond * seconds;
        }

        double netCpuMicrosPerDelivery() {
            return netCpuSeconds() * 1e6 / delivered;
        }

        double netCpuMillisPerEvent() {
            return netCpuSeconds() * 1e3 / published;
        }

        String row() {
            return String.format(Locale.ROOT,
                    "| %s | %,d | %,d | %d | %,d | %,d | %,d | %,d | %d | %.1f %% | %.1f | %.1f | %.1f | %.2f | %.3f | %.2f | %.3f | %.2f | %.3f | %s |%n",
                    name, clients, filters, rate, published, expected, delivered, expected - delivered, duplicates, filteredOutShare() * 100,
                    p50Millis, p99Millis, seconds, cpuSeconds, idleCpuPerSecond, cpuMicrosPerDelivery(), cpuMillisPerEvent(),
                    netCpuMicrosPerDelivery(), netCpuMillisPerEvent(), load);
        }

        static String header() {
            return "| subscriptions | clients | distinct filters | events/s | events | deliveries owed | delivered | missing | doubled | filtered out | p50 ms | p99 ms | s until delivered | gateway CPU-s | idle CPU-s per s | CPU-µs per delivery | CPU-ms per event | net CPU-µs per delivery | net CPU-ms per event | load average |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
        }
    }

    private FilterBench() {
    }

    /** Runs both stretches on one fresh gateway, prints them and writes {@code filters-latest.md} in {@code results}. */
    static void run(BenchSettings settings, Publisher publisher, Function<Integer, ServerProcess> gateway, Path results) throws Exception {
        FilterSettings options = settings.filters();
        BookChanges catalogue = new BookChanges(CATALOGUE, SEED);
        List<BookFilter> filters = BookFilter.distinct(options.filters(), catalogue.books(), new Random(SEED));
        int clients = options.clients();
        String loadBefore = ProcStats.loadAverage();
        Stretch filtered;
        List<Stretch> plain = new ArrayList<>();
        try (ServerProcess server = gateway.apply(1)) {
            server.awaitReady(Duration.ofSeconds(90));
            IntFunction<String> filteredPath = c -> "/ws?filter=" + URLEncoder.encode(filters.get(c % filters.size()).json(), StandardCharsets.UTF_8);
            ToIntFunction<BookChanges.Change> owed = change -> {
                int sum = 0;
                for (int c = 0; c < Math.min(clients, filters.size()); c++) {
                    sum += filters.get(c).selects(change) ? (clients - c + filters.size() - 1) / filters.size() : 0;
                }
                return sum;
            };
            try (LoadClients load = new LoadClients(Protocol.BOOKHUB_BY_TOKEN, settings.clientThreads())) {
                load.connect(List.of(server.port()), clients, filteredPath, CONNECT_TIMEOUT);
                System.out.printf("filters: %d clients with %d distinct filters connected (load average %s)%n", clients, filters.size(),
                        ProcStats.loadAverage());
                stretch("warm-up", load, publisher, server.pid(), catalogue, owed, clients, filters.size(), options.rate(), WARM_UP);
                filtered = stretch("filtered", load, publisher, server.pid(), catalogue, owed, clients, filters.size(), options.rate(),
                        options.step());
            }
            for (int rate : options.plainRates()) {
                // fresh connections each: a stretch the gateway could not keep up with leaves its clients' queues full
                try (LoadClients load = new LoadClients(Protocol.BOOKHUB_BY_TOKEN, settings.clientThreads())) {
                    load.connect(List.of(server.port()), clients, c -> Protocol.BOOKHUB_BY_TOKEN.path(), CONNECT_TIMEOUT);
                    System.out.printf("filters: %d clients on plain books connected (load average %s)%n", clients, ProcStats.loadAverage());
                    plain.add(stretch("plain books", load, publisher, server.pid(), catalogue, change -> clients, clients, 0, rate,
                            options.step()));
                }
            }
        }
        String text = report(settings, filtered, plain, loadBefore);
        System.out.println(text);
        Files.createDirectories(results);
        Files.writeString(results.resolve("filters-latest.md"), text);
        System.out.println("written: " + results.resolve("filters-latest.md"));
    }

    private static Stretch stretch(String name, LoadClients load, Publisher publisher, long pid, BookChanges catalogue,
                                   ToIntFunction<BookChanges.Change> owed, int clients, int filters, int rate, Duration duration)
            throws InterruptedException {
        double idleBefore = ProcStats.cpuSeconds(pid);
        Thread.sleep(duration.toMillis()); // the gateway holding the clients with no events: its cost regardless of them
        double idlePerSecond = (ProcStats.cpuSeconds(pid) - idleBefore) / (duration.toMillis() / 1e3);
        long firstSeq = publisher.nextSeq();
        Phase phase = new Phase(firstSeq, (int) (rate * duration.toMillis() / 1000));
        load.startPhase(phase);
        String loadAtStart = ProcStats.loadAverage();
        double cpuBefore = ProcStats.cpuSeconds(pid);
        long start = System.nanoTime();
        int published = publisher.publish(rate, duration, catalogue::envelope);
        long expected = 0;
        for (long seq = firstSeq; seq < firstSeq + published; seq++) {
            expected += owed.applyAsInt(catalogue.change(seq));
        }
        long lastArrival = phase.awaitDeliveries(expected, QUIET, DRAIN_TIMEOUT);
        double cpu = ProcStats.cpuSeconds(pid) - cpuBefore;
        load.startPhase(null);
        Stretch stretch = new Stretch(name, clients, filters, rate, published, expected, phase.unique.sum(), phase.duplicates.sum(),
                phase.latency.percentileMillis(0.50), phase.latency.percentileMillis(0.99),
                Math.max(duration.toNanos(), lastArrival - start) / 1e9, cpu, idlePerSecond, loadAtStart + " → " + ProcStats.loadAverage());
        System.out.print(Stretch.header() + stretch.row());
        return stretch;
    }

    private static String report(BenchSettings settings, Stretch filtered, List<Stretch> plain, String loadBefore) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """
                ## Filtered subscriptions

                Run %s on %d cores; one gateway, JVM %s; load average %s at the start, %s at the end.

                %s%s
                - filtered out: %.1f %% of the deliveries plain `books` would make (%,d owed of %,d events × %,d clients)
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), String.join(" ", settings.gatewayJvm()), loadBefore,
                ProcStats.loadAverage(), Stretch.header(), filtered.row() + plain.stream().map(Stretch::row).reduce("", String::concat),
                filtered.filteredOutShare() * 100, filtered.expected(), filtered.published(), filtered.clients()));
        for (Stretch reference : plain) {
            text.append(String.format(Locale.ROOT, """
                    - against plain `books` at %d events/s%s: CPU per delivery %.2f / %.2f µs = %.2f× (net of the idle cost: %.2f / %.2f µs = %.2f×); \
                    per published event %.3f / %.3f ms = %.2f× (net: %.3f / %.3f ms = %.2f×)
                    """, reference.rate(), reference.expected() == reference.delivered() ? "" : " (not all delivered)",
                    filtered.cpuMicrosPerDelivery(), reference.cpuMicrosPerDelivery(), filtered.cpuMicrosPerDelivery() / reference.cpuMicrosPerDelivery(),
                    filtered.netCpuMicrosPerDelivery(), reference.netCpuMicrosPerDelivery(),
                    filtered.netCpuMicrosPerDelivery() / reference.netCpuMicrosPerDelivery(),
                    filtered.cpuMillisPerEvent(), reference.cpuMillisPerEvent(), filtered.cpuMillisPerEvent() / reference.cpuMillisPerEvent(),
                    filtered.netCpuMillisPerEvent(), reference.netCpuMillisPerEvent(), filtered.netCpuMillisPerEvent() / reference.netCpuMillisPerEvent()));
        }
        return text.toString();
    }
}
