package live.bookhub.faults;

import java.time.Duration;

import live.bookhub.infra.support.WatcherAdmin;

/**
 * SIGSTOP of the leading watcher for longer than its lease, then SIGCONT: the standby leads meanwhile,
 * and the woken ex-leader, which may still believe it leads, must append nothing (the fence refuses it).
 */
final class WatcherPause implements Fault {

    private static final String APPENDED = "bookhub_watcher_events_appended_total";
    private static final String ERRORS = "bookhub_watcher_errors_total";
    private static final String NOT_LEADER = "cause=\"not_leader\"";
    /** Frozen this long after the standby took over, so the ex-leader wakes well behind the new term. */
    private static final Duration PAST_TAKEOVER = Duration.ofSeconds(5);
    /** Awake this long before its appends are counted: several lease renewals. */
    private static final Duration AWAKE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "watcher-pause";
    }

    @Override
    public String description() {
        return "SIGSTOP of the leading watcher until the standby leads and 5 s more, then SIGCONT; the ex-leader must append nothing";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        WatcherAdmin leader = context.stack().awaitLeader(FaultContext.RECOVERY);
        WatcherAdmin standby = context.stack().other(leader);
        double appendedBefore = leader.metric(APPENDED);
        double refusedBefore = leader.metric(ERRORS, NOT_LEADER);
        context.stack().pause(leader.process());
        Duration takeover;
        try {
            takeover = context.stack().awaitLeads(standby, FaultContext.RECOVERY);
            FaultContext.pause(PAST_TAKEOVER);
        } finally {
            context.stack().resume(leader.process());
        }
        double appendedOnWaking = leader.metric(APPENDED);
        FaultContext.pause(AWAKE);
        double appendedAfter = leader.metric(APPENDED);
        double refusedAfter = leader.metric(ERRORS, NOT_LEADER);
        boolean stillLeads = leader.isLeader();
        // A stopped process answers no read: the first comes a moment before SIGSTOP, while it still appends, and
        // the second as soon as it answers again; what it appends awake is the last read less the second.
        return String.format("%s paused; %s led %s later; the ex-leader's appends: %.0f from the last read before SIGSTOP to its first "
                        + "answer after SIGCONT, %.0f in the %s after that; %.0f not_leader errors; it leads now: %s",
                leader.process().name(), standby.process().name(), FaultContext.seconds(takeover), appendedOnWaking - appendedBefore,
                appendedAfter - appendedOnWaking, FaultContext.seconds(AWAKE), refusedAfter - refusedBefore,
                stillLeads ? "yes" : "no");
    }
}
