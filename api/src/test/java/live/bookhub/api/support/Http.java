package live.bookhub.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the integration tests: raw bodies in, status, headers and JSON out. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String raw) {

        public JsonNode json() {
            return raw.isEmpty() ? JSON.missingNode() : JSON.readTree(raw);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The value a {@code Set-Cookie} header of this response gives the cookie {@code name}, or {@code null}. */
        public String cookie(String name) {
            return headers.allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(name + "="))
                    .map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
                    .findFirst().orElse(null);
        }

        /** The whole {@code Set-Cookie} header of the cookie {@code name}, attributes included, or {@code null}. */
        public String setCookie(String name) {
            return headers.allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst().orElse(null);
        }

        public List<String> fields() {
            return json().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    public Response put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    public Response patch(String path, String token, String json) {
        return send("PATCH", path, token, json);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Response send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    /** A POST without a body whose only credential is the given {@code Cookie} header (none when {@code null}). */
    public Response postWithCookie(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
