package live.bookhub.faults;

import live.bookhub.infra.ServiceProcess;

/** SIGKILL of the gateway holding the most clients: they reconnect to the other and resume. */
final class GatewayKill implements Fault {

    @Override
    public String name() {
        return "gateway-kill";
    }

    @Override
    public String description() {
        return "SIGKILL of the gateway holding the most clients; they reconnect to the other and resume; the killed one is started again";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        int busiest = Busiest.gateway(context.fleet());
        long clients = context.fleet().connectedTo(busiest);
        ServiceProcess gateway = context.stack().gateway(busiest);
        long start = System.nanoTime();
        gateway.kill();
        // its clients first have to notice (a reset connection, or a failed write), then reconnect
        context.fleet().awaitGone(busiest, FaultContext.RECOVERY);
        int pending = context.fleet().awaitConnected(FaultContext.RECOVERY);
        String moved = FaultContext.seconds(java.time.Duration.ofNanos(System.nanoTime() - start));
        gateway.start().awaitHealthy(FaultStack.START);
        return Recovery.await(context, "killed " + gateway.name() + " with " + clients + " clients; all reconnected "
                + moved + " later" + (pending > 0 ? " (" + pending + " not yet)" : ""));
    }
}
