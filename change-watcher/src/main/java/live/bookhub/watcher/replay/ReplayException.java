package live.bookhub.watcher.replay;

import live.bookhub.events.WireName;
import org.springframework.http.HttpStatus;

/** A replay that cannot start; the message is one line that says why, for a terminal or a problem body. */
public class ReplayException extends RuntimeException {

    /** Why (its wire name is the problem's {@code reason}), with the HTTP status and the command's exit code for it. */
    public enum Reason implements WireName {
        BAD_ARGUMENT(HttpStatus.BAD_REQUEST, 2),
        MALFORMED_TOKEN(HttpStatus.BAD_REQUEST, 2),
        OTHER_DEPLOYMENT(HttpStatus.NOT_FOUND, 3),
        HISTORY_LOST(HttpStatus.GONE, 4);

        private final HttpStatus status;
        private final int exitCode;

        Reason(HttpStatus status, int exitCode) {
            this.status = status;
            this.exitCode = exitCode;
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
