package live.bookhub.api.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container forwards to {@code /error} rather than to a controller: requests
 * Spring Security's firewall rejects (an encoded dot segment, {@code //}, {@code ;}, an unknown
 * method), TRACE, exceptions thrown before Spring MVC: answered in the shape of
 * {@link ProblemDetailsAdvice}, in place of Spring Boot's JSON error page, which is not problem+json.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> showError(HttpServletRequest request) {
        // Asked for directly, /error is just a path with nothing behind it.
        HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? HttpStatus.resolve(code) : HttpStatus.NOT_FOUND;
        HttpStatus answered = status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        ProblemDetail problem = ProblemDetailsAdvice.problem(answered, ProblemErrorReportValve.detail(answered.value()), List.of());
        problem.setInstance(instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        return ResponseEntity.status(answered).body(problem);
    }

    /** The path the client asked for, when it is a URI at all; else the problem names none. */
    private static URI instance(Object path) {
        try {
            return path instanceof String uri ? new URI(uri) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
