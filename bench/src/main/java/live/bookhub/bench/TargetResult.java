package live.bookhub.bench;

import java.util.List;

/**
 * Everything measured on one server.
 *
 * @param ladder              the load steps at the configured number of clients, until the first one not sustained
 * @param many                the steps run with many idle-then-live clients (the concurrency targets), fewest first;
 *                            none for the bare fan-outs
 */
record TargetResult(String name, List<StepResult> ladder, List<ManyClients> many) {

    /**
     * One fresh server with many clients.
     *
     * @param step               the step at the idle rate once they all were connected
     * @param bytesPerIdleClient resident memory growth per connected, idle client
     */
    record ManyClients(StepResult step, double bytesPerIdleClient) {
    }

    StepResult idle() {
        return many.get(0).step();
    }

    double bytesPerIdleClient() {
        return many.get(0).bytesPerIdleClient();
    }

    /** The step at {@code rate}, if the ladder ran it. */
    java.util.Optional<StepResult> at(int rate) {
        return ladder.stream().filter(step -> step.eventsPerSecond() == rate).findFirst();
    }

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
