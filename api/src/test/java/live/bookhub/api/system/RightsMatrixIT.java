package live.bookhub.api.system;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every endpoint × anonymous, the customer who owns the order (alice), another customer (bob) and
 * an admin. Placeholders: {book} an existing book, {order} alice's order, {bob} bob's user id,
 * {new} a fresh username per call.
 */
class RightsMatrixIT extends ApiIntegrationTest {

    private static final String BOOK = "{\"title\": \"T\", \"author\": \"A\", \"price\": 100, \"stock\": 1}";
    private static final String CART = "{\"items\": [{\"bookId\": \"{book}\", \"quantity\": 1}]}";

    enum Caller { ANONYMOUS, OWNER, OTHER_CUSTOMER, ADMIN }

    /** method, path, body, then the expected status for anonymous, owner, other customer, admin. */
    static Stream<Arguments> matrix() {
        Object[][] rows = {
                {"GET", "/api/books", null, 200, 200, 200, 200},
                {"GET", "/api/books/{book}", null, 200, 200, 200, 200},
                {"POST", "/api/books", BOOK, 401, 403, 403, 201},
                {"PUT", "/api/books/{book}", BOOK, 401, 403, 403, 200},
                {"PATCH", "/api/books/{book}", "{\"price\": 5}", 401, 403, 403, 200},
                {"DELETE", "/api/books/{book}", null, 401, 403, 403, 204},
                {"POST", "/api/auth/signup", "{\"username\": \"{new}\", \"email\": \"{new}@example.com\", \"password\": \"long-enough\"}", 201, 201, 201, 201},
                {"POST", "/api/auth/login", "{\"username\": \"bob\", \"password\": \"secret-bob\"}", 200, 200, 200, 200},
                {"POST", "/api/auth/refresh", null, 401, 401, 401, 401},
                {"POST", "/api/auth/logout", null, 204, 204, 204, 204},
                {"GET", "/api/auth/profile", null, 401, 200, 200, 200},
                {"GET", "/.well-known/jwks.json", null, 200, 200, 200, 200},
                {"POST", "/api/orders", CART, 401, 201, 201, 201},
                {"GET", "/api/orders", null, 401, 200, 200, 200},
                {"GET", "/api/orders/{order}", null, 401, 200, 404, 200},
                {"PATCH", "/api/orders/{order}/status", "{\"status\": \"paid\"}", 401, 403, 403, 200},
                {"GET", "/api/admin/stats", null, 401, 403, 403, 200},
                {"GET", "/api/admin/users", null, 401, 403, 403, 200},
                {"PATCH", "/api/admin/users/{bob}", "{\"role\": \"admin\"}", 401, 403, 403, 200},
                {"PATCH", "/api/admin/users/{bob}", "{\"disabled\": true}", 401, 403, 403, 200},
                {"GET", "/api/docs", null, 200, 200, 200, 200},
                {"GET", "/actuator/health", null, 200, 200, 200, 200},
                {"GET", "/actuator/prometheus", null, 200, 200, 200, 200},
                {"GET", "/actuator/env", null, 401, 403, 403, 404},
        };
        List<Arguments> cases = new ArrayList<>();
        for (Object[] row : rows) {
            for (Caller caller : Caller.values()) {
                cases.add(arguments(row[0], row[1], row[2], caller, row[3 + caller.ordinal()]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {3}: {4}")
    @MethodSource("matrix")
    void eachCallerGetsExactlyItsRights(String method, String path, String body, Caller caller, int expected) {
        String bookId = createBook(book("stock", 5));
        String orderId = http.post("/api/orders", aliceToken, CART.replace("{book}", bookId)).json().path("id").asString();
        String bobId = http.get("/api/auth/profile", bobToken).json().path("id").asString();
        String username = "user" + System.nanoTime() % 1_000_000_000;

        Http.Response response = http.send(method, fill(path, bookId, orderId, bobId, username), token(caller),
                body == null ? null : fill(body, bookId, orderId, bobId, username));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private String token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case OWNER -> aliceToken;
            case OTHER_CUSTOMER -> bobToken;
            case ADMIN -> adminToken;
        };
    }

    private static String fill(String text, String bookId, String orderId, String bobId, String username) {
        return text.replace("{book}", bookId).replace("{order}", orderId).replace("{bob}", bobId).replace("{new}", username);
    }
}
