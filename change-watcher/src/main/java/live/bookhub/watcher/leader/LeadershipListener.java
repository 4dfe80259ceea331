package live.bookhub.watcher.leader;

/**
 * Told when this replica starts and stops leading, on the lease loop's thread: what only a leader
 * does (tailing the change streams) starts and stops here.
 */
public interface LeadershipListener {

    /** This replica leads in {@code epoch}; the fence is raised already. */
    void leading(long epoch);

    /** This replica no longer leads (the lease was taken over, not renewed in time, or released); return once nothing a leader does runs. */
    void standingBy();
}
