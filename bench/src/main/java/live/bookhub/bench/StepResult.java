package live.bookhub.bench;

/**
 * One measured load step.
 *
 * @param clients              connected clients
 * @param eventsPerSecond      the publish rate
 * @param deliveriesPerSecond  deliveries received per second of the step
 * @param cpuSecondsPerMillion the servers' CPU time (user + system) per million deliveries
 * @param kernelShare          the part of that CPU time spent in the kernel
 */
record StepResult(int clients, int eventsPerSecond, long published, long delivered, long missing, long duplicates,
                  double deliveriesPerSecond, double p50Millis, double p99Millis, double p999Millis,
                  double cpuSeconds, double cpuSecondsPerMillion, double kernelShare) {

    static final double P99_TARGET_MILLIS = 250;

    /** Sustained: everything arrived, once, with p99 under 250 ms. */
    boolean sustained() {
        return missing == 0 && duplicates == 0 && p99Millis < P99_TARGET_MILLIS;
    }
}
