package live.bookhub.bench;

import java.util.concurrent.atomic.LongAdder;

/**
 * One measured stretch of load: the events with sequence numbers {@code [firstSeq, firstSeq + capacity)}
 * count towards it; every client tells it what it received.
 */
final class Phase {

    final long firstSeq;
    final int capacity;
    final LongAdder unique = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LatencyHistogram latency = new LatencyHistogram();

    Phase(long firstSeq, int capacity) {
        this.firstSeq = firstSeq;
        this.capacity = capacity;
    }

    boolean covers(long seq) {
        return seq >= firstSeq && seq < firstSeq + capacity;
    }
}
