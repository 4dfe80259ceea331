package live.bookhub.api.system;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsIT extends ApiIntegrationTest {

    @Test
    void healthIsUp() {
        Http.Response health = http.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusCountsRequestsPerRouteAndStatus() {
        String id = createBook(book());
        http.get("/api/books/" + id, null);
        http.get("/api/books/" + "f".repeat(24), null);

        String metrics = http.get("/actuator/prometheus", null).raw();

        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/books/\\{id}\"");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/api/books/\\{id}\"");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"201\"[^}]*uri=\"/api/books\"");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        Http.Response docs = http.get("/api/docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(paths.has("/api/books")).isTrue();
        assertThat(paths.has("/api/books/{id}")).isTrue();
        assertThat(paths.has("/api/orders/{id}/status")).isTrue();
        assertThat(paths.has("/api/admin/stats")).isTrue();
        assertThat(paths.has("/api/auth/login")).isTrue();
    }

    @Test
    void responsesCarrySecurityHeaders() {
        Http.Response response = http.get("/api/books", null);

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void theWebUiIsServed() {
        Http.Response index = http.get("/", null);

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void withoutAllowedOriginsNoOriginGetsCorsHeaders() {
        Http.Response response = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/api/books"))
                .header("Origin", "https://evil.example").GET().build());

        // The browser then withholds the response from the foreign page.
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
