package live.bookhub.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every client's deliveries against the source log, phase by phase: what was expected, lost (and
 * whether a reset covered it), doubled and out of order.
 *
 * <p>A loss is covered when the client received a reset between the last delivery that must precede
 * the lost write (a write of the same collection that ended before it began) and the first that must
 * follow it (one that began after it ended): a client told to refetch there has not gone on past the
 * write silently. Order is only judged within a collection, since each has its own change stream.
 */
final class Accounting {

    /**
     * The run's figures: a row per phase, and what fits no row; {@code evidence} names, for the first
     * clients concerned, the writes lost silently and doubled and what the client received around them.
     */
    record Result(List<PhaseFigures> rows, long foreign, long neverWelcomed, String evidence) {
    }

    private static final int EVIDENCE_CLIENTS = 20;
    private static final int EVIDENCE_WRITES = 5;

    private final List<PhaseWindow> phases;
    private final SourceLog log;
    private final long[] writes;
    private final long[] uncertain;
    private final long[] expected;
    private final long[] lost;
    private final long[] silent;
    private final long[] doubled;
    private final long[] resent;
    private final long[] outOfOrder;
    private final long[] resets;
    private long foreign;
    private final StringBuilder evidence = new StringBuilder();
    private int clientsInEvidence;

    private Accounting(List<PhaseWindow> phases, SourceLog log) {
        this.phases = phases;
        this.log = log;
        int n = phases.size();
        writes = new long[n];
        uncertain = new long[n];
        expected = new long[n];
        lost = new long[n];
        silent = new long[n];
        doubled = new long[n];
        resent = new long[n];
        outOfOrder = new long[n];
        resets = new long[n];
    }

    static Result tally(List<PhaseWindow> phases, SourceLog log, List<FaultClient> clients) {
        Accounting accounting = new Accounting(phases, log);
        List<Write> all = log.all();
        for (Write write : all) {
            int phase = accounting.phaseOf(write.startMs());
            accounting.writes[phase]++;
            if (!write.certain()) {
                accounting.uncertain[phase]++;
            }
        }
        List<Write> certain = all.stream().filter(Write::certain).toList();
        for (FaultClient client : clients) {
            accounting.client(client, certain);
        }
        List<PhaseFigures> rows = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            PhaseWindow phase = phases.get(i);
            rows.add(new PhaseFigures(phase.name(), accounting.writes[i], accounting.uncertain[i], accounting.expected[i],
                    accounting.lost[i], accounting.silent[i], accounting.doubled[i], accounting.resent[i], accounting.outOfOrder[i],
                    accounting.resets[i],
                    phase.notes()));
        }
        long neverWelcomed = clients.stream().filter(client -> !client.everWelcomed()).count();
        return new Result(rows, accounting.foreign, neverWelcomed, accounting.evidence.toString());
    }

    private void client(FaultClient client, List<Write> certain) {
        long[] keys = client.receipts().keys();
        client.receipts().pendingDeletes().forEach((index, documentId) -> {
            Long seq = log.deleteOf(documentId);
            keys[index] = seq == null ? Receipts.UNKNOWN : seq;
        });
        int[] resetsBefore = new int[keys.length + 1];
        for (int i = 0; i < keys.length; i++) {
            resetsBefore[i + 1] = resetsBefore[i] + (keys[i] == Receipts.RESET ? 1 : 0);
        }
        Map<Long, Integer> seen = new HashMap<>(); // each write received, with the receipt index of its first delivery
        List<String> found = new ArrayList<>();
        Map<String, Deliveries> byCollection = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == Receipts.RESET || keys[i] == Receipts.WELCOME) {
                continue;
            }
            Write write = keys[i] == Receipts.UNKNOWN ? null : log.get(keys[i]);
            if (write == null) {
                foreign++;
                continue;
            }
            int phase = phaseOf(write.startMs());
            Integer first = seen.putIfAbsent(write.seq(), i);
            if (first != null && resetsBefore[i] > resetsBefore[first]) {
                resent[phase]++; // the client refetched in between: what it had before the reset is gone
                continue;
            }
            if (first != null) {
                doubled[phase]++;
                if (found.size() < EVIDENCE_WRITES) {
                    found.add("doubled " + describe(write) + " at receipt " + i + ": " + around(keys, i));
                }
                continue;
            }
            if (byCollection.computeIfAbsent(write.collection(), name -> new Deliveries()).add(i, write)) {
                outOfOrder[phase]++;
            }
        }
        byCollection.values().forEach(Deliveries::seal);
        for (Write write : certain) {
            if (!client.topics().contains(write.topic())) {
                continue;
            }
            int phase = phaseOf(write.startMs());
            expected[phase]++;
            if (seen.containsKey(write.seq())) {
                continue;
            }
            lost[phase]++;
            Deliveries deliveries = byCollection.getOrDefault(write.collection(), new Deliveries());
            deliveries.seal();
            int before = deliveries.lastEndingBefore(write.startMs());
            int after = deliveries.firstStartingAfter(write.endMs(), keys.length);
            if (resetsBefore[after] - resetsBefore[before + 1] == 0) {
                silent[phase]++;
                if (found.size() < EVIDENCE_WRITES) {
                    found.add("silently lost " + describe(write) + " between receipts " + before + " and " + after + ": "
                            + around(keys, Math.max(before, 0)));
                }
            }
        }
        if (!found.isEmpty() && clientsInEvidence++ < EVIDENCE_CLIENTS) {
            evidence.append(client).append(" (").append(keys.length).append(" receipts)\n");
            found.forEach(line -> evidence.append("  ").append(line).append('\n'));
        }
        for (long at : client.receipts().resetTimes()) {
            resets[phaseOf(at)]++;
        }
    }

    private static String describe(Write write) {
        return write.type() + " #" + write.seq() + " (" + write.source() + ", " + write.startMs() + "-" + write.endMs() + ")";
    }

    /** The receipts around {@code at}: write numbers, R for a reset, W for a welcome (a new connection). */
    private static String around(long[] keys, int at) {
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, at - 3); i < Math.min(keys.length, at + 4); i++) {
            out.append(i == at ? "[" : "").append(keys[i] == Receipts.RESET ? "R" : keys[i] == Receipts.WELCOME ? "W" : Long.toString(keys[i])).append(i == at ? "] " : " ");
        }
        return out.toString().trim();
    }

    private int phaseOf(long ms) {
        int phase = 0;
        for (int i = 0; i < phases.size(); i++) {
            if (phases.get(i).startMs() <= ms) {
                phase = i;
            }
        }
        return phase;
    }

    /** One client's first deliveries of one collection, in the order received, with the bounds to search them. */
    private static final class Deliveries {
        private final List<Integer> index = new ArrayList<>();
        private final List<Write> writes = new ArrayList<>();
        private long maxStart = Long.MIN_VALUE;
        private long[] suffixMinEnd;
        private long[] prefixMaxStart;

        /** Adds a delivery; true when it is out of order (its write ended before one already received began). */
        boolean add(int at, Write write) {
            index.add(at);
            writes.add(write);
            boolean late = write.endMs() < maxStart;
            maxStart = Math.max(maxStart, write.startMs());
            return late;
        }

        void seal() {
            if (suffixMinEnd != null) {
                return;
            }
            int n = writes.size();
            suffixMinEnd = new long[n];
            prefixMaxStart = new long[n];
            for (int j = n - 1; j >= 0; j--) {
                suffixMinEnd[j] = Math.min(writes.get(j).endMs(), j + 1 < n ? suffixMinEnd[j + 1] : Long.MAX_VALUE);
            }
            for (int j = 0; j < n; j++) {
                prefixMaxStart[j] = Math.max(writes.get(j).startMs(), j > 0 ? prefixMaxStart[j - 1] : Long.MIN_VALUE);
            }
        }

        /** The receipt index of the last delivery whose write ended before {@code ms}, or -1. */
        int lastEndingBefore(long ms) {
            int low = 0;
            int high = writes.size() - 1;
            int found = -1;
            while (low <= high) { // suffixMinEnd never decreases
                int mid = (low + high) >>> 1;
                if (suffixMinEnd[mid] < ms) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found < 0 ? -1 : index.get(found);
        }

        /** The receipt index of the first delivery whose write began after {@code ms}, or {@code none}. */
        int firstStartingAfter(long ms, int none) {
            int low = 0;
            int high = writes.size() - 1;
            int found = -1;
            while (low <= high) { // prefixMaxStart never decreases
                int mid = (low + high) >>> 1;
                if (prefixMaxStart[mid] > ms) {
                    found = mid;
                    high = mid - 1;
                } else {
                    low = mid + 1;
                }
            }
            return found < 0 ? none : index.get(found);
        }
    }
}
