package live.bookhub.faults;

import live.bookhub.infra.ServiceProcess;

/** The end of a fault: both gateways healthy, one watcher leading, every client online welcomed again. */
final class Recovery {

    private Recovery() {
    }

    static String await(FaultContext context, String notes) throws InterruptedException {
        for (int i = 0; i < context.fleet().gatewayCount(); i++) {
            ServiceProcess gateway = context.stack().gateway(i);
            gateway.awaitHealthy(FaultContext.RECOVERY);
        }
        context.stack().awaitLeader(FaultContext.RECOVERY);
        int pending = context.fleet().awaitConnected(FaultContext.RECOVERY);
        return pending == 0 ? notes : notes + "; " + pending + " clients still not connected after " + FaultContext.seconds(FaultContext.RECOVERY);
    }
}
