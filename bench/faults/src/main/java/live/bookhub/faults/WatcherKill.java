package live.bookhub.faults;

import java.time.Duration;

import live.bookhub.infra.support.WatcherAdmin;

/** SIGKILL of the leading watcher: the standby takes over once the lease runs out and resumes after the last append. */
final class WatcherKill implements Fault {

    @Override
    public String name() {
        return "watcher-kill";
    }

    @Override
    public String description() {
        return "SIGKILL of the leading watcher; the standby must take over and resume after the last event appended; the killed one is started again as standby";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        WatcherAdmin leader = context.stack().awaitLeader(FaultContext.RECOVERY);
        WatcherAdmin standby = context.stack().other(leader);
        leader.process().kill();
        Duration takeover = context.stack().awaitLeads(standby, FaultContext.RECOVERY);
        leader.process().start().awaitHealthy(FaultStack.START);
        return "killed " + leader.process().name() + "; " + standby.process().name() + " led " + FaultContext.seconds(takeover) + " later";
    }
}
