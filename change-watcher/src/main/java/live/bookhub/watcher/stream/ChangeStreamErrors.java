package live.bookhub.watcher.stream;

/** MongoDB's error codes for a change stream that cannot resume where it was asked to. */
public final class ChangeStreamErrors {

    /** ChangeStreamHistoryLost: the resume position fell off the oplog. */
    public static final int HISTORY_LOST = 286;
    /** ChangeStreamFatalError: the resume position is unknown here (from another deployment, say). */
    public static final int FATAL = 280;

    private ChangeStreamErrors() {
    }
}
