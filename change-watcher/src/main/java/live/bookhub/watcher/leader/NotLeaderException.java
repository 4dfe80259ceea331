package live.bookhub.watcher.leader;

/**
 * An append was refused because this replica does not lead now: it is a standby, its publish window
 * closed without a renewal ({@link Leadership}), or Redis has seen a newer term ({@link RedisFence}).
 */
public class NotLeaderException extends RuntimeException {

    public NotLeaderException(String message) {
        super(message);
    }
}
