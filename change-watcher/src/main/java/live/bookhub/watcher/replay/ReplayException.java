package live.bookhub.watcher.replay;

import org.springframework.http.HttpStatus;

/** A replay that cannot start; the message is one line that says why, for a terminal or a problem body. */
public class ReplayException extends RuntimeException {

    /** Why, with the HTTP status and the command's exit code for it. */
    public enum Reason {
        BAD_ARGUMENT("bad_argument", HttpStatus.BAD_REQUEST, 2),
        MALFORMED_TOKEN("malformed_token", HttpStatus.BAD_REQUEST, 2),
        OTHER_DEPLOYMENT("other_deployment", HttpStatus.NOT_FOUND, 3),
        HISTORY_LOST("history_lost", HttpStatus.GONE, 4);

        private final String wireName;
        private final HttpStatus status;
        private final int exitCode;

        Reason(String wireName, HttpStatus status, int exitCode) {
            this.wireName = wireName;
            this.status = status;
            this.exitCode = exitCode;
        }

        public String wireName() {
            return wireName;
        }

        public HttpStatus status() {
            return status;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Reason reason;

    public ReplayException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
