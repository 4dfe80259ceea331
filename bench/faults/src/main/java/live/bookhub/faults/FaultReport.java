package live.bookhub.faults;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The run's table, as Markdown: printed, and written to {@code bench/results/faults-latest.md}. */
record FaultReport(FaultSettings settings, String command, Instant finished, String loadAtStart, String loadAtEnd,
                   List<PhaseWindow> phases, Accounting.Result result, String clientMix, String tail) {

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("# Fault harness: latest run\n\n");
        out.append("`").append(command).append("`, finished ").append(finished.truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; load average (1, 5, 15 min) ")
                .append(loadAtStart).append(" at the start, ").append(loadAtEnd).append(" at the end. ")
                .append(clientMix).append("; writes: api ").append(settings.apiRate()).append("/s, mongosh ")
                .append(settings.mongoshRate()).append("/s; ").append(settings.phase().toSeconds())
                .append(" s of writes before and after each fault; stream-max-length ").append(settings.streamMaxLength())
                .append(", oplog ").append(settings.oplogBytes() / (1024 * 1024)).append(" MB.\n\n");
        out.append("| fault | writes | deliveries expected | lost | of them silent | doubled | re-sent after a reset | out of order | resets signalled | every loss covered by a reset | notes |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        long[] total = new long[8];
        for (PhaseFigures row : result.rows()) {
            out.append("| ").append(row.name()).append(" | ").append(count(row.writes()))
                    .append(row.uncertain() > 0 ? " (" + row.uncertain() + " uncertain)" : "")
                    .append(" | ").append(count(row.expected())).append(" | ").append(count(row.lost())).append(" | ")
                    .append(count(row.silent())).append(" | ").append(count(row.doubled())).append(" | ")
                    .append(count(row.resent())).append(" | ").append(count(row.outOfOrder())).append(" | ").append(count(row.resets())).append(" | ")
                    .append(row.lost() == 0 ? "no loss" : row.everyLossCovered() ? "yes" : "**no**").append(" | ")
                    .append(row.notes().replace("|", "/")).append(" |\n");
            long[] figures = {row.writes(), row.expected(), row.lost(), row.silent(), row.doubled(), row.resent(), row.outOfOrder(),
                row.resets()};
            for (int i = 0; i < figures.length; i++) {
                total[i] += figures[i];
            }
        }
        out.append("| **all** | ").append(count(total[0])).append(" | ").append(count(total[1])).append(" | ")
                .append(count(total[2])).append(" | **").append(count(total[3])).append("** | **").append(count(total[4]))
                .append("** | ").append(count(total[5])).append(" | ").append(count(total[6])).append(" | ")
                .append(count(total[7])).append(" | ").append(total[3] == 0 ? "yes" : "**no**").append(" | |\n\n");
        boolean met = total[3] == 0 && total[4] == 0;
        out.append("Acceptance (0 silent losses and 0 doubled deliveries across every fault): **")
                .append(met ? "met" : "not met").append("**. ");
        out.append("Envelopes that named no logged write: ").append(result.foreign()).append("; clients never welcomed: ")
                .append(result.neverWelcomed()).append(". ").append(tail).append("\n\n");
        out.append("What each fault does:\n\n");
        for (PhaseWindow phase : phases) {
            out.append("- `").append(phase.name()).append("`: ").append(phase.description()).append(".\n");
        }
        return out.toString();
    }

    private static String count(long value) {
        return String.format("%,d", value);
    }
}
