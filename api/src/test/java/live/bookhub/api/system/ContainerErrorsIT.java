package live.bookhub.api.system;

import java.util.stream.Stream;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Requests rejected before a controller sees them, by Tomcat itself or by Spring Security's
 * firewall, still get a problem+json answer with nothing of the server's internals in it.
 */
class ContainerErrorsIT extends ApiIntegrationTest {

    private static final String END = "Host: localhost\r\nConnection: close\r\n\r\n";

    static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("bad percent-encoding in the path", "GET /api/books/%zz HTTP/1.1\r\n" + END, 400),
                arguments("a raw non-ASCII byte in the path", "GET /api/books/\u00e9 HTTP/1.1\r\n" + END, 400),
                arguments("an encoded slash", "GET /api/books/%2F HTTP/1.1\r\n" + END, 400),
                arguments("a space in the path", "GET /api/a b HTTP/1.1\r\n" + END, 400),
                arguments("a header over the size limit", "GET /api/books HTTP/1.1\r\nX-Big: " + "a".repeat(10_000) + "\r\n" + END, 400),
                arguments("a malformed header name", "GET /api/books HTTP/1.1\r\nBad Header: x\r\n" + END, 400),
                arguments("no Host header", "GET /api/books HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
                arguments("a method that is not a token", "G@T /api/books HTTP/1.1\r\n" + END, 400),
                arguments("an unknown method", "FOO /api/books HTTP/1.1\r\n" + END, 400),
                arguments("TRACE", "TRACE /api/books HTTP/1.1\r\n" + END, 405),
                arguments("CONNECT", "CONNECT localhost:443 HTTP/1.1\r\n" + END, 501),
                arguments("an unknown transfer coding", "POST /api/books HTTP/1.1\r\nTransfer-Encoding: bogus\r\n" + END, 501),
                arguments("an unknown HTTP version", "GET /api/books HTTP/9.9\r\n" + END, 505),
                arguments("an encoded dot segment", "GET /api/%2e%2e/books HTTP/1.1\r\n" + END, 400),
                arguments("a double slash", "GET //api/books HTTP/1.1\r\n" + END, 400),
                arguments("a path parameter", "GET /api/books;jsessionid=1 HTTP/1.1\r\n" + END, 400),
                arguments("bad percent-encoding in the query", "GET /api/books?q=%zz HTTP/1.1\r\n" + END, 400),
                arguments("/error asked for directly", "GET /error HTTP/1.1\r\n" + END, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void aRequestRejectedBeforeAnyControllerIsAProblem(String name, String request, int status) {
        RawHttp.Response response = RawHttp.exchange(port, request);

        assertThat(response.status()).as(response.head()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("<html", "Tomcat", "Exception", "at org.");
        if (response.json().has("instance")) {
            String path = request.split(" ")[1].split("\\?")[0];
            assertThat(response.json().path("instance").asString()).as("the path asked for").isEqualTo(path);
        }
    }
}
