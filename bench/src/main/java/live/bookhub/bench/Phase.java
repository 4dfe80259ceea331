package live.bookhub.bench;

import java.time.Duration;
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

    /**
     * Waits until {@code expected} deliveries arrived, none came for {@code quiet}, or {@code timeout}
     * passed; returns the {@link System#nanoTime()} of the last progress seen.
     */
    long awaitDeliveries(long expected, Duration quiet, Duration timeout) throws InterruptedException {
        long lastCount = -1;
        long lastArrival = System.nanoTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long count = unique.sum();
            if (count != lastCount) {
                lastCount = count;
                lastArrival = System.nanoTime();
            }
            if (count >= expected || System.nanoTime() - lastArrival > quiet.toNanos()) {
                break;
            }
            Thread.sleep(20); // sampling progress of the load, not a test's wait
        }
        return lastArrival;
    }
}
