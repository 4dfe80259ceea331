package live.bookhub.api.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error the api answers, as RFC 9457 problem+json naming the field(s) at fault in an
 * {@code errors: [{field, message}]} extension. Messages are written here, never copied from an
 * exception, so no class name, stack trace or query leaks out.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e instanceof TooManyRequestsException tooMany) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
        }
        List<FieldProblem> errors = e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage()));
        String detail = e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage();
        return response.body(problem(e.status(), detail, errors));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> handleDuplicateKey(DuplicateKeyException e) {
        String message = String.valueOf(e.getMessage());
        String field = List.of("isbn", "username", "email").stream()
                .filter(message::contains).findFirst().orElse(null);
        return handleProblem(ProblemException.conflict(field, "is already in use"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleUnauthenticated(AuthenticationException e) {
        return handleProblem(new ProblemException(HttpStatus.UNAUTHORIZED, null, "log in first"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleForbidden(AccessDeniedException e) {
        return handleProblem(new ProblemException(HttpStatus.FORBIDDEN, null, "your role may not do this"));
    }

    /** A query string Tomcat cannot decode: bad percent-encoding or bytes that are not UTF-8. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleUndecodableParameters(InvalidParameterException e) {
        return handleProblem(ProblemException.badRequest("query", "is not well-formed percent-encoded UTF-8"));
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> handleDatabaseDown(DataAccessResourceFailureException e, HttpServletRequest request) {
        log.warn("database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return handleProblem(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, null, "the database is unavailable, retry later"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return handleProblem(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, null, "internal error"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(parameterName(result), error.getDefaultMessage())))
                .toList();
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(new FieldProblem(e.getPropertyName(), mustBe(e.getRequiredType()))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return handleProblem(problem);
            }
        }
        return badRequest(List.of(unreadable(e.getCause())));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("errors", List.of());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown), "is not a known field");
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldProblem(path(mismatch), mustBe(mismatch.getTargetType()));
        }
        if (cause instanceof StreamReadException) {
            return new FieldProblem("body", "is not well-formed JSON");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            // Our own @JsonCreator factories (the enums) say what they accept.
            String message = jackson.getCause() instanceof IllegalArgumentException invalid ? invalid.getMessage() : "has an invalid value";
            return new FieldProblem(path(jackson), message);
        }
        return new FieldProblem("body", cause == null ? "is missing" : "is not a valid JSON document for this request");
    }

    /** A JSON path such as {@code items[0].quantity}; {@code body} when the document itself is at fault. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String messageOf(FieldError error) {
        if (error.contains(TypeMismatchException.class)) {
            return mustBe(error.unwrap(TypeMismatchException.class).getRequiredType());
        }
        return error.getDefaultMessage();
    }

    private static String mustBe(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT)).toList();
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name == null ? "parameter" : name;
    }

    private static ResponseEntity<Object> badRequest(List<FieldProblem> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, detail, errors));
    }

    static ProblemDetail problem(HttpStatusCode status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }
}
