package live.bookhub.api.system;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** A 429: rendered with a {@code Retry-After} header. */
public class TooManyRequestsException extends ProblemException {

    private final Duration retryAfter;

    public TooManyRequestsException(String field, String message, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, field, message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least one: what {@code Retry-After} carries. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
