package live.bookhub.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import live.bookhub.infra.LocalStack;
import live.bookhub.infra.ServiceProcess;

/**
 * The CPU time each process of the pipeline has used so far (user + system, from {@code /proc}), so a
 * phase can tell which one held the cores. The harness's JVM is split by thread: the embedded MongoDB
 * server's threads (its wire workers and H2's background writer) and the rest (the screens, the
 * harness). The watcher's change-stream threads ({@code watch-*}, {@code append-*}) are given beside its
 * total.
 */
final class ProcessCpu {

    /** USER_HZ: the kernel's unit for CPU times in {@code /proc/<pid>/stat}, 100 on Linux. */
    static final double CLOCK_TICKS_PER_SECOND = 100.0;

    static final String SERVER = "embedded MongoDB server (harness JVM: mongo-server-*, MVStore threads)";
    static final String HARNESS = "harness (the two screens, the rest of its JVM)";
    static final String WATCHER = "change-watcher";
    static final String WATCHER_STREAMS = "… of it its watch-* and append-* threads";
    static final String REDIS = "redis-server";
    static final String API = "api";

    private ProcessCpu() {
    }

    /** CPU ticks used so far per process (label → ticks, in a fixed order); a process not running counts 0. */
    static Map<String, Long> sample(LocalStack stack) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        long server = threadTicks(self, name -> name.startsWith("mongo-server") || name.startsWith("MVStore"));
        ticks.put(SERVER, server);
        ticks.put(HARNESS, ticks(self) - server);
        ticks.put(WATCHER, ticks(stack.watcher()));
        ticks.put(WATCHER_STREAMS, stack.watcher().isAlive()
                ? threadTicks(stack.watcher().pid(), name -> name.startsWith("watch-") || name.startsWith("append-")) : 0);
        // by its name: Debian's redis-server is a link to redis-check-rdb, so the executable's path says nothing
        ticks.put(REDIS, ProcessHandle.current().children()
                .filter(child -> commandName(Path.of("/proc", String.valueOf(child.pid()))).startsWith("redis-server"))
                .mapToLong(child -> ticks(child.pid())).sum());
        List<ServiceProcess> gateways = stack.gateways();
        for (int i = 0; i < gateways.size(); i++) {
            ticks.put("push-gateway " + (i + 1), ticks(gateways.get(i)));
        }
        ticks.put(API, ticks(stack.api()));
        return ticks;
    }

    /** CPU seconds per process between two samples. */
    static Map<String, Double> seconds(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((label, ticks) -> used.put(label, (ticks - before.getOrDefault(label, 0L)) / CLOCK_TICKS_PER_SECOND));
        return used;
    }

    /** utime + stime of {@code pid}, or 0 when it is gone. */
    static long ticks(long pid) {
        return ticksOf(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    private static long ticks(ServiceProcess service) {
        return service.isAlive() ? ticks(service.pid()) : 0;
    }

    /** utime + stime of the threads of {@code pid} whose name {@code named} accepts. */
    private static long threadTicks(long pid, Predicate<String> named) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.filter(task -> named.test(commandName(task))).mapToLong(task -> ticksOf(task.resolve("stat"))).sum();
        } catch (IOException e) {
            return 0; // the process ended
        }
    }

    /** The name of a process or thread ({@code /proc/<pid>} or {@code /proc/<pid>/task/<tid>}), at most 15 characters. */
    private static String commandName(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim();
        } catch (IOException e) {
            return ""; // it ended
        }
    }

    /** Fields 14 and 15 of a stat file, counted after the command's parentheses (which may hold spaces). */
    private static long ticksOf(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0; // the process or thread ended
        }
    }
}
