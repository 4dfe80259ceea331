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
                .append(" changes; services' JVM ").append(String.join(" ", stack.javaOptions()))
                .append(settings.watcherArgs().isEmpty() ? "" : "; watcher " + String.join(" ", settings.watcherArgs()))
                .append(".\n\n").append(HEADER);
        phases.forEach(phase -> text.append(row(phase)).append('\n'));
        text.append("\nend to end: from the first write (for the catch-up: from the watcher's start) to the last event on "
                + "the last screen; into Redis: first to last stream id (the append's millisecond); write → screen: the "
                + "change's time (`ts`) to its arrival, over every event on both screens (for the catch-up it includes "
                + "the time the watcher was stopped).\n");
        return text.toString();
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
