package live.bookhub.infra.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import live.bookhub.events.EnvelopeCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The api over real HTTP, as an admin. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The stack's admin, for tests that sign in as a person would (the web app's). */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    private final String baseUrl;
    private final String token;

    private Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Signs in as the stack's admin: the first user signed up is the admin, so the first call signs up. */
    public static synchronized Api admin(String baseUrl) {
        ObjectNode credentials = json().put("username", ADMIN_USERNAME).put("password", ADMIN_PASSWORD);
        Response login = send(baseUrl, null, "POST", "/api/auth/login", credentials);
        if (login.status() != 200) {
            login = send(baseUrl, null, "POST", "/api/auth/signup", credentials.put("email", "admin@bookhub.test"));
        }
        if (login.status() != 200 && login.status() != 201) {
            throw new IllegalStateException("cannot sign in as admin: " + login);
        }
        return new Api(baseUrl, login.body().path("token").asString());
    }

    /** The password of every customer the tests sign up. */
    public static final String CUSTOMER_PASSWORD = "correct-horse-battery";

    /** Signs up a new customer named {@code name} plus a random suffix; returns the session ({@code token}, {@code user}). */
    public static JsonNode signUpCustomer(String baseUrl, String name) {
        return expect(201, send(baseUrl, null, "POST", "/api/auth/signup", newAccount(name)));
    }

    /** {@link #signUpCustomer} as a browser sees it, refresh cookie included. */
    public static Session signUp(String baseUrl, String name) {
        return session(exchange(baseUrl, null, "POST", "/api/auth/signup", newAccount(name), Map.of()), 201);
    }

    private static ObjectNode newAccount(String name) {
        String username = name + UUID.randomUUID().toString().substring(0, 8);
        return json().put("username", username).put("email", username + "@bookhub.test").put("password", CUSTOMER_PASSWORD);
    }

    /**
     * A browser's sign-in as the api answers it: the access token and the refresh cookie.
     *
     * @param refreshCookie the {@code bookhub_refresh=…} pair, to send back as a {@code Cookie} header
     */
    public record Session(String token, String refreshCookie, JsonNode user) {

        public String userId() {
            return user.path("id").asString();
        }

        /** The {@code role} claim of the access token. */
        public String tokenRole() {
            String payload = token.split("\\.")[1];
            return EnvelopeCodec.mapper().readTree(Base64.getUrlDecoder().decode(payload)).path("role").asString();
        }
    }

    /** Logs in as a browser would; fails unless the api answers 200. */
    public static Session login(String baseUrl, String username, String password) {
        return session(exchange(baseUrl, null, "POST", "/api/auth/login", json().put("username", username).put("password", password),
                Map.of()), 200);
    }

    /** {@code POST /api/auth/refresh} with a refresh cookie: the new session, or the refusal's status. */
    public static Response refresh(String baseUrl, String refreshCookie) {
        return response(exchange(baseUrl, null, "POST", "/api/auth/refresh", null, Map.of("Cookie", refreshCookie)));
    }

    /** A refresh that must succeed: the rotated session. */
    public static Session refreshed(String baseUrl, String refreshCookie) {
        return session(exchange(baseUrl, null, "POST", "/api/auth/refresh", null, Map.of("Cookie", refreshCookie)), 200);
    }

    /** {@code PATCH /api/admin/users/{id}}: a role or the disabled flag. */
    public JsonNode changeUser(String id, ObjectNode change) {
        return expect(200, send(baseUrl, token, "PATCH", "/api/admin/users/" + id, change));
    }

    /** This session's JWT, e.g. for a WebSocket client's {@code access_token}. */
    public String token() {
        return token;
    }

    public static ObjectNode json() {
        return EnvelopeCodec.mapper().createObjectNode();
    }

    /** A valid new book with a unique title. */
    public static ObjectNode book(String title) {
        return json().put("title", title).put("author", "Test Author").put("price", 1299).put("stock", 4);
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public JsonNode createBook(ObjectNode book) {
        return expect(201, send(baseUrl, token, "POST", "/api/books", book));
    }

    public JsonNode patchBook(String id, ObjectNode changes) {
        return expect(200, send(baseUrl, token, "PATCH", "/api/books/" + id, changes));
    }

    public void deleteBook(String id) {
        expect(204, send(baseUrl, token, "DELETE", "/api/books/" + id, null));
    }

    public record Response(int status, JsonNode body) {
    }

    private static JsonNode expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + response);
        }
        return response.body();
    }

    private static Response send(String baseUrl, String token, String method, String path, JsonNode body) {
        return response(exchange(baseUrl, token, method, path, body, Map.of()));
    }

    private static Session session(HttpResponse<String> response, int status) {
        JsonNode body = expect(status, response(response));
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("bookhub_refresh="))
                .map(value -> value.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new AssertionError("no bookhub_refresh cookie in " + response.headers().map()));
        return new Session(body.path("token").asString(), cookie, body.path("user"));
    }

    private static Response response(HttpResponse<String> response) {
        JsonNode parsed = response.body().isBlank() ? json() : EnvelopeCodec.mapper().readTree(response.body());
        return new Response(response.statusCode(), parsed);
    }

    private static HttpResponse<String> exchange(String baseUrl, String token, String method, String path, JsonNode body,
                                                 Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
