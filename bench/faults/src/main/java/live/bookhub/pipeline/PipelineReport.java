package live.bookhub.pipeline;

import java.time.Instant;
import java.util.List;

import live.bookhub.infra.StackSettings;

/** The run's figures as Markdown: one row per phase, with the load average beside them. */
final class PipelineReport {

    private static final String HEADER = "| phase | changes | mongosh s | delivered (both screens) | events/s into Redis "
            + "| events/s end to end | last on screens after mongosh returned, s | write → screen p50 ms | p99 ms | load before | load after |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n";

    private PipelineReport() {
    }

    static String markdown(Instant at, PipelineSettings settings, StackSettings stack, List<Phase> phases) {
        StringBuilder text = new StringBuilder();
        text.append("Run ").append(at).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores: ").append(settings.books()).append(" books by insertMany of ").append(settings.insertBatch())
                .append(", one updateMany over them, a catch-up of ").append(settings.catchUp())
                .append(" changes")
                .append(settings.warmUp() == 0 ? ", on a fresh stack" : ", after a warm-up of " + settings.warmUp() + " books inserted, updated and deleted")
                .append("; JVM of the api ").append(String.join(" ", stack.javaOptions("api")))
                .append(", of the change-watcher and the push-gateways ").append(String.join(" ", stack.javaOptions("change-watcher")))
                .append(settings.watcherArgs().isEmpty() ? "" : "; watcher " + String.join(" ", settings.watcherArgs()))
                .append(".\n\n").append(HEADER);
        phases.forEach(phase -> text.append(row(phase)).append('\n'));
        text.append("\nend to end: from the first write (for the catch-up: from the watcher's start) to the last event on "
                + "the last screen; into Redis: first to last stream id (the append's millisecond); write → screen: the "
                + "change's time (`ts`) to its arrival, over every event on both screens (for the catch-up it includes "
                + "the time the watcher was stopped).\n");
        text.append(cpuTable(phases));
        return text.toString();
    }

    /** Which process held the cores: CPU seconds per process and phase, and per 100 000 events. */
    static String cpuTable(List<Phase> phases) {
        StringBuilder text = new StringBuilder("\nCPU seconds (user + system) per process, from each phase's start (the catch-up's: "
                + "its first event on a screen, after the watcher's restart) until its last event reached the screens, and "
                + "per 100 000 events (mongosh's own CPU is not counted):\n\n| process |");
        phases.forEach(phase -> text.append(' ').append(phase.name()).append(" | per 100 000 |"));
        text.append("\n|---|").append("---:|---:|".repeat(phases.size())).append('\n');
        for (String process : phases.get(0).cpuSeconds().keySet()) {
            text.append("| ").append(process).append(" |");
            phases.forEach(phase -> text.append(cpuCells(phase, phase.cpuSeconds().getOrDefault(process, 0.0))));
            text.append('\n');
        }
        text.append("| **all of them** |");
        phases.forEach(phase -> text.append(cpuCells(phase, phase.cpuSecondsTotal())));
        return text.append('\n').toString();
    }

    private static String cpuCells(Phase phase, double seconds) {
        return String.format(" %.2f | %.2f |", seconds, seconds * 100_000 / phase.changes());
    }

    static String row(Phase phase) {
        boolean catchUp = phase.watcherStartMillis() > 0;
        return String.format("| %s | %,d | %s | %,d | %,.0f | %,.0f | %s | %,d | %,d | %s | %s |", phase.name(), phase.changes(),
                catchUp ? "(before)" : String.format("%.1f", phase.writes().millis() / 1000.0), phase.delivered(),
                phase.appendedPerSecond(), phase.endToEndPerSecond(),
                catchUp ? "" : String.format("%.1f", (phase.lastReceiptMillis() - phase.writes().returnedMillis()) / 1000.0),
                phase.latencyMillis(0.5), phase.latencyMillis(0.99), phase.loadBefore(), phase.loadAfter());
    }
}
