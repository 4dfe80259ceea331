package live.bookhub.api.system;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to what it rejects before any servlet runs (a malformed request line or URL
 * encoding, headers over the limit, a method or HTTP version it does not speak), as problem+json
 * instead of its HTML page. The body says only the status: nothing of Tomcat's own message.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As the HTML valve: only an error nobody has answered yet, and only while the connection can take it.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail(status) + "\",\"errors\":[]}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing left to tell.
        }
    }

    /** What a client can be told of a status the container (or the firewall before Spring MVC) chose. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (request line, URL, encoding or headers)";
            case 404 -> "there is nothing here";
            case 405, 501 -> "this method is not supported here";
            case 505 -> "this HTTP version is not supported";
            default -> status >= 500 ? "internal error" : "the request cannot be processed";
        };
    }
}
