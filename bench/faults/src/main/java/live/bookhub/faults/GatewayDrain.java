package live.bookhub.faults;

import java.time.Duration;

import live.bookhub.infra.ServiceProcess;

/** SIGTERM of the gateway holding the most clients: it drains them (1012), they resume on the other. */
final class GatewayDrain implements Fault {

    private static final Duration STOP_BOUND = Duration.ofSeconds(40);

    @Override
    public String name() {
        return "gateway-drain";
    }

    @Override
    public String description() {
        return "SIGTERM of the gateway holding the most clients: it closes them with 1012 and exits; they resume on the other; it is started again";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        int busiest = Busiest.gateway(context.fleet());
        long clients = context.fleet().connectedTo(busiest);
        long drainedBefore = context.fleet().closesWith(1012);
        ServiceProcess gateway = context.stack().gateway(busiest);
        long start = System.nanoTime();
        gateway.stop(STOP_BOUND);
        String exited = FaultContext.seconds(Duration.ofNanos(System.nanoTime() - start));
        long drained = context.fleet().closesWith(1012) - drainedBefore;
        gateway.start().awaitHealthy(FaultStack.START);
        return Recovery.await(context, "SIGTERM to " + gateway.name() + " with " + clients + " clients: "
                + drained + " closed with 1012, exited in " + exited);
    }
}
