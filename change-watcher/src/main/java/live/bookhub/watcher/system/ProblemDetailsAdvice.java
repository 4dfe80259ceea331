package live.bookhub.watcher.system;

import live.bookhub.watcher.replay.ReplayException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the admin endpoints as RFC 9457 problem details, with a machine-readable {@code reason}. */
@RestControllerAdvice
class ProblemDetailsAdvice {

    @ExceptionHandler
    ProblemDetail replayRefused(ReplayException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.reason().status(), e.getMessage());
        problem.setTitle("Cannot replay");
        problem.setProperty("reason", e.reason().wireName());
        return problem;
    }
}
