package live.bookhub.api.system;

import org.springframework.http.HttpStatus;

/**
 * A client error that names the offending field; {@link ProblemDetailsAdvice} renders it as
 * RFC 9457 problem+json.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ProblemException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, field, message);
    }

    public static ProblemException notFound(String field, String message) {
        return new ProblemException(HttpStatus.NOT_FOUND, field, message);
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(HttpStatus.CONFLICT, field, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The field at fault, or {@code null} when the problem is not about one field. */
    public String field() {
        return field;
    }
}
