package live.bookhub.pipeline;

import java.util.List;
import java.util.Map;

/**
 * What one phase measured: the DBA's writes, every event both screens received for them, when the
 * watcher started (a catch-up) or {@code 0}, and the CPU seconds each process used from the phase's
 * start (a catch-up's: its first event on a screen) until its last event arrived ({@link ProcessCpu}).
 */
record Phase(String name, int changes, Dba.Writes writes, List<List<Screen.Receipt>> screens, long watcherStartMillis,
             Map<String, Double> cpuSeconds, String loadBefore, String loadAfter) {

    int delivered() {
        return screens.stream().mapToInt(List::size).sum();
    }

    /** The CPU seconds of every process, the watcher's stream threads counted once (in its total). */
    double cpuSecondsTotal() {
        return cpuSeconds.entrySet().stream().filter(cpu -> !cpu.getKey().equals(ProcessCpu.WATCHER_STREAMS))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    long lastReceiptMillis() {
        return screens.stream().flatMap(List::stream).mapToLong(Screen.Receipt::atMillis).max().orElse(0);
    }

    /** Events per second into Redis: the stream ids are the append's millisecond, first to last. */
    double appendedPerSecond() {
        List<Screen.Receipt> first = screens.get(0);
        if (first.size() < 2) {
            return Double.NaN;
        }
        long span = idMillis(first.get(first.size() - 1).id()) - idMillis(first.get(0).id());
        return span <= 0 ? Double.NaN : (first.size() - 1) * 1000.0 / span;
    }

    /** From the first write (or the watcher's start, for a catch-up) to the last event on the last screen. */
    double endToEndPerSecond() {
        long from = watcherStartMillis > 0 ? watcherStartMillis : writes.startMillis();
        return changes * 1000.0 / (lastReceiptMillis() - from);
    }

    /** Write → screen: the change's time ({@code ts}) to its arrival, over every receipt; {@code q} in [0, 1]. */
    long latencyMillis(double q) {
        long[] latencies = screens.stream().flatMap(List::stream).mapToLong(r -> r.atMillis() - r.tsMillis()).sorted().toArray();
        return latencies.length == 0 ? -1 : latencies[(int) Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    }

    private static long idMillis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }
}
