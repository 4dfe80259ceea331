package live.bookhub.watcher.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /replay?after=<token>[&until=<token or ISO instant>]} on the admin port: the envelopes after
 * the token as NDJSON, from the change stream (see {@link ChangeReplay}). A token MongoDB refuses is a
 * 4xx problem (RFC 9457, with a machine-readable {@code reason}), answered before any line.
 */
@RestController
class ReplayController {

    static final String NDJSON = "application/x-ndjson";

    private final ChangeReplay replay;

    ReplayController(ChangeReplay replay) {
        this.replay = replay;
    }

    // No "produces": a refused token must still be answered as application/problem+json.
    @GetMapping("/replay")
    void replay(@RequestParam(required = false) String after, @RequestParam(required = false) String until,
                HttpServletResponse response) throws IOException {
        try (ChangeReplay.Session session = replay.open(ReplayRequest.of(after, until, false))) {
            response.setContentType(NDJSON);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            session.writeTo(response.getWriter());
        }
    }

    @ExceptionHandler
    ProblemDetail refused(ReplayException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.reason().status(), e.getMessage());
        problem.setTitle("Cannot replay");
        problem.setProperty("reason", e.reason().wireName());
        return problem;
    }
}
