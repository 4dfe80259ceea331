package live.bookhub.bench;

import java.util.List;

/**
 * Everything measured on one server.
 *
 * @param ladder              the load steps at the configured number of clients, until the first one not sustained
 * @param idle                the step run with the many idle-then-live clients (the concurrency target)
 * @param bytesPerIdleClient  resident memory growth per connected, idle client
 */
record TargetResult(String name, List<StepResult> ladder, StepResult idle, double bytesPerIdleClient) {

    /** The highest deliveries per second of a sustained step, 0 when none was. */
    double highestSustained() {
        return ladder.stream().filter(StepResult::sustained).mapToDouble(StepResult::deliveriesPerSecond).max().orElse(0);
    }

    /** CPU-seconds per million deliveries over all sustained steps together. */
    double cpuSecondsPerMillion() {
        double cpu = ladder.stream().filter(StepResult::sustained).mapToDouble(StepResult::cpuSeconds).sum();
        double delivered = ladder.stream().filter(StepResult::sustained).mapToDouble(StepResult::delivered).sum();
        return delivered == 0 ? Double.NaN : cpu / (delivered / 1e6);
    }
}
