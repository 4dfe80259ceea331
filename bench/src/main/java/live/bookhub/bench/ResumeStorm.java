package live.bookhub.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A gateway died with its clients behind: {@code stormClients} clients, at {@code stormPositions}
 * distinct positions, each about {@code stormBehind} events back, all reconnect with their
 * {@code lastEventId} to a fresh gateway at once while events keep coming. Measures the time from
 * the first reconnect until every client has received every event after its own position (the last
 * one published once all were welcomed, so it reaches a client only once its replay is done: then
 * it is live again), missing and doubled deliveries, and what it cost Redis (its CPU and the number
 * of script calls: the gateway's reads of pages and of stream states, which its metric tells apart),
 * the gateway (and how much of that in the kernel) and this load generator, on the same cores.
 */
final class ResumeStorm {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final int LIVE_RATE = 10;
    private static final Duration LIVE_FOR = Duration.ofSeconds(3);
    private static final String READS = "bookhub_gateway_stream_reads_total";

    /**
     * @param seconds       from the first reconnect until the last client received its last event
     * @param redisCalls    script calls Redis ran meanwhile (EVAL and EVALSHA)
     * @param pageReads     of those, the gateway's reads of pages (its metric {@code bookhub_gateway_stream_reads_total{read="page"}})
     * @param stateReads    and of where the stream stands, for openings ({@code read="state"})
     * @param benchCpuSeconds this process's CPU meanwhile: the load clients' (and the publisher's), on the same cores
     */
    record Result(int clients, int positions, int behind, long expected, long delivered, long duplicates, double secondsConnecting,
                  double seconds, double redisCpuSeconds, long redisCalls, long pageReads, long stateReads, double gatewayCpuSeconds, double gatewayKernelSeconds,
                  double benchCpuSeconds) {

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %,d | %d | %,d | %,d | %,d | %d | %.1f | %.1f | %.2f | %,d | %,d | %,d | %.2f | %.0f %% | %.2f |%n",
                    name, clients, positions, behind, expected, expected - delivered, duplicates, secondsConnecting, seconds, redisCpuSeconds,
                    redisCalls, pageReads, stateReads, gatewayCpuSeconds, 100 * gatewayKernelSeconds / gatewayCpuSeconds, benchCpuSeconds);
        }

        static String header() {
            return "| server | clients | positions | behind | deliveries expected | missing | doubled | s until all welcomed | s until all live again | Redis CPU-s | Redis script calls | of them pages | of them stream states | gateway CPU-s | of it in kernel | load generator CPU-s |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        }
    }

    private ResumeStorm() {
    }

    static Result run(BenchSettings settings, Publisher publisher, String redisUri, Function<Integer, ServerProcess> gateway) throws Exception {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = client.connect();
             ServerProcess server = gateway.apply(1)) {
            server.awaitReady(Duration.ofSeconds(90));
            RedisCommands<String, String> redis = connection.sync();
            if (settings.stormWarmUp() > 0) {
                // the gateway clients fail over to has served for a while: its replay path is compiled already
                storm(settings, settings.stormWarmUp(), publisher, redis, server);
            }
            return storm(settings, settings.stormClients(), publisher, redis, server);
        } finally {
            client.shutdown();
        }
    }

    private static Result storm(BenchSettings settings, int clients, Publisher publisher, RedisCommands<String, String> redis,
                                ServerProcess server) throws Exception {
        long firstSeq = publisher.nextSeq();
        int behind = settings.stormBehind();
        publisher.publish(Math.max(1, behind), Duration.ofSeconds(1));
        String epoch = redis.hget("bookhub:events:epoch", "epoch");
        List<StreamMessage<String, String>> tail = redis.xrevrange("bookhub:events", Range.create("-", "+"),
                io.lettuce.core.Limit.create(0, behind));
        int positions = Math.min(settings.stormPositions(), behind);
        String[] lastEventIds = new String[positions];
        for (int p = 0; p < positions; p++) {
            // the p-th oldest of the events just published: a client there missed behind - p - 1 of them
            lastEventIds[p] = epoch + ":" + tail.get(tail.size() - 1 - p).getId();
        }
        int liveEvents = (int) (LIVE_RATE * LIVE_FOR.toSeconds()) + 1;
        Phase phase = new Phase(firstSeq, behind + liveEvents);
        long expected = 0;
        for (int c = 0; c < clients; c++) {
            expected += behind + liveEvents - (c % positions) - 1;
        }
        double redisCpuBefore = redisCpu(redis);
        long callsBefore = scriptCalls(redis);
        double pagesBefore = server.metric(READS, "read=\"page\"");
        double statesBefore = server.metric(READS, "read=\"state\"");
        double gatewayCpuBefore = ProcStats.cpuSeconds(server.pid());
        double gatewayKernelBefore = ProcStats.systemSeconds(server.pid());
        long bench = ProcessHandle.current().pid();
        double benchCpuBefore = ProcStats.cpuSeconds(bench);
        try (LoadClients load = new LoadClients(Protocol.BOOKHUB, settings.clientThreads())) {
            load.startPhase(phase);
            long start = System.nanoTime();
            CompletableFuture<Integer> live = CompletableFuture.supplyAsync(() -> publisher.publish(LIVE_RATE, LIVE_FOR));
            load.connect(List.of(server.port()), clients,
                    c -> Protocol.BOOKHUB.path() + "&lastEventId=" + lastEventIds[c % positions], CONNECT_TIMEOUT);
            double connecting = (System.nanoTime() - start) / 1e9;
            live.join();
            publisher.publish(1, Duration.ofSeconds(1)); // the last event: reaches each client once it is live
            long lastArrival = phase.awaitDeliveries(expected, QUIET, DRAIN_TIMEOUT);
            double seconds = (lastArrival - start) / 1e9;
            return new Result(clients, positions, behind, expected, phase.unique.sum(), phase.duplicates.sum(), connecting, seconds,
                    redisCpu(redis) - redisCpuBefore, scriptCalls(redis) - callsBefore,
                    (long) (server.metric(READS, "read=\"page\"") - pagesBefore), (long) (server.metric(READS, "read=\"state\"") - statesBefore),
                    ProcStats.cpuSeconds(server.pid()) - gatewayCpuBefore, ProcStats.systemSeconds(server.pid()) - gatewayKernelBefore,
                    ProcStats.cpuSeconds(bench) - benchCpuBefore);
        }
    }

    private static double redisCpu(RedisCommands<String, String> redis) {
        String info = redis.info("cpu");
        return field(info, "used_cpu_sys") + field(info, "used_cpu_user");
    }

    private static long scriptCalls(RedisCommands<String, String> redis) {
        String info = redis.info("commandstats");
        return (long) (stat(info, "cmdstat_evalsha") + stat(info, "cmdstat_eval"));
    }

    private static double field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return 0;
    }

    /** {@code cmdstat_x:calls=N,...} */
    private static double stat(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":calls=")) {
                String calls = line.substring(name.length() + ":calls=".length());
                return Double.parseDouble(calls.substring(0, calls.indexOf(',')));
            }
        }
        return 0;
    }
}
