package live.bookhub.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in 100 µs buckets up to 30 s (larger ones land in the last), recorded lock-free from the client threads. */
final class LatencyHistogram {

    private static final int BUCKET_MICROS = 100;
    private static final int BUCKETS = 300_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long micros) {
        counts.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, micros) / BUCKET_MICROS));
    }

    /** The latency in milliseconds below which {@code fraction} of the recorded values lie (upper bucket edge). */
    double percentileMillis(double fraction) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_MICROS / 1000.0;
            }
        }
        return BUCKETS * BUCKET_MICROS / 1000.0;
    }
}
