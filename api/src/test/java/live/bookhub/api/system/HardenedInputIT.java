package live.bookhub.api.system;

import java.net.http.HttpRequest;
import java.util.stream.Stream;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input across accounts, orders and admin (the catalog's own cases are in BookBadInputIT):
 * each answered with the status and a problem+json body naming the field, nothing written.
 * Placeholders: {book} an existing book, {order} alice's order, {alice} alice's user id.
 */
class HardenedInputIT extends ApiIntegrationTest {

    private static final String SIGNUP = "/api/auth/signup";
    private static final String LOGIN = "/api/auth/login";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // accounts
                arguments("signup: malformed JSON", "POST", SIGNUP, "{\"username\": \"x\"", 400, "body"),
                arguments("signup: missing username", "POST", SIGNUP, "{\"email\": \"c@example.com\", \"password\": \"long-enough\"}", 400, "username"),
                arguments("signup: operator as username", "POST", SIGNUP, "{\"username\": {\"$gt\": \"\"}, \"email\": \"c@example.com\", \"password\": \"long-enough\"}", 400, "username"),
                arguments("signup: username with spaces", "POST", SIGNUP, "{\"username\": \"a b\", \"email\": \"c@example.com\", \"password\": \"long-enough\"}", 400, "username"),
                arguments("signup: username too long", "POST", SIGNUP, "{\"username\": \"" + "u".repeat(33) + "\", \"email\": \"c@example.com\", \"password\": \"long-enough\"}", 400, "username"),
                arguments("signup: bad email", "POST", SIGNUP, "{\"username\": \"carol\", \"email\": \"not-an-email\", \"password\": \"long-enough\"}", 400, "email"),
                arguments("signup: short password", "POST", SIGNUP, "{\"username\": \"carol\", \"email\": \"c@example.com\", \"password\": \"short\"}", 400, "password"),
                arguments("signup: password over 72 bytes", "POST", SIGNUP, "{\"username\": \"carol\", \"email\": \"c@example.com\", \"password\": \"" + "é".repeat(40) + "\"}", 400, "password"),
                arguments("signup: role smuggled in", "POST", SIGNUP, "{\"username\": \"carol\", \"email\": \"c@example.com\", \"password\": \"long-enough\", \"role\": \"admin\"}", 400, "role"),
                arguments("signup: dotted key", "POST", SIGNUP, "{\"username\": \"carol\", \"email\": \"c@example.com\", \"password\": \"long-enough\", \"profile.role\": \"admin\"}", 400, "profile.role"),
                arguments("signup: duplicate key", "POST", SIGNUP, "{\"username\": \"carol\", \"username\": \"admin\", \"email\": \"c@example.com\", \"password\": \"long-enough\"}", 400, "body"),
                arguments("login: operator as username", "POST", LOGIN, "{\"username\": {\"$ne\": null}, \"password\": \"x\"}", 400, "username"),
                arguments("login: operator as password", "POST", LOGIN, "{\"username\": \"alice\", \"password\": {\"$gt\": \"\"}}", 400, "password"),
                arguments("login: missing password", "POST", LOGIN, "{\"username\": \"alice\"}", 400, "password"),
                arguments("login: array body", "POST", LOGIN, "[\"alice\"]", 400, "body"),
                // orders
                arguments("checkout: no items", "POST", "/api/orders", "{\"items\": []}", 400, "items"),
                arguments("checkout: items not an array", "POST", "/api/orders", "{\"items\": \"{book}\"}", 400, "items"),
                arguments("checkout: malformed book id", "POST", "/api/orders", "{\"items\": [{\"bookId\": \"abc\", \"quantity\": 1}]}", 400, "items[0].bookId"),
                arguments("checkout: zero quantity", "POST", "/api/orders", "{\"items\": [{\"bookId\": \"{book}\", \"quantity\": 0}]}", 400, "items[0].quantity"),
                arguments("checkout: huge quantity", "POST", "/api/orders", "{\"items\": [{\"bookId\": \"{book}\", \"quantity\": 1000}]}", 400, "items[0].quantity"),
                arguments("checkout: fractional quantity", "POST", "/api/orders", "{\"items\": [{\"bookId\": \"{book}\", \"quantity\": 1.5}]}", 400, "items[0].quantity"),
                arguments("checkout: quantity as text", "POST", "/api/orders", "{\"items\": [{\"bookId\": \"{book}\", \"quantity\": \"2\"}]}", 400, "items[0].quantity"),
                arguments("checkout: operator as book id", "POST", "/api/orders", "{\"items\": [{\"bookId\": {\"$ne\": \"\"}, \"quantity\": 1}]}", 400, "items[0].bookId"),
                arguments("checkout: null item", "POST", "/api/orders", "{\"items\": [null]}", 400, "items[0]"),
                arguments("checkout: userId smuggled in", "POST", "/api/orders", "{\"userId\": \"{alice}\", \"items\": [{\"bookId\": \"{book}\", \"quantity\": 1}]}", 400, "userId"),
                arguments("orders: malformed id", "GET", "/api/orders/nope", null, 400, "id"),
                arguments("orders: unknown id", "GET", "/api/orders/" + "c".repeat(24), null, 404, "id"),
                arguments("orders: bad status filter", "GET", "/api/orders?status=lost", null, 400, "status"),
                arguments("orders: page size over the bound", "GET", "/api/orders?size=500", null, 400, "size"),
                arguments("status: unknown status", "PATCH", "/api/orders/{order}/status", "{\"status\": \"lost\"}", 400, "status"),
                arguments("status: missing status", "PATCH", "/api/orders/{order}/status", "{}", 400, "status"),
                arguments("status: unknown order", "PATCH", "/api/orders/" + "d".repeat(24) + "/status", "{\"status\": \"paid\"}", 404, "id"),
                // admin
                arguments("role: unknown role", "PATCH", "/api/admin/users/{alice}", "{\"role\": \"root\"}", 400, "role"),
                arguments("account: disabled as text", "PATCH", "/api/admin/users/{alice}", "{\"disabled\": \"yes\"}", 400, "disabled"),
                arguments("account: nothing to change", "PATCH", "/api/admin/users/{alice}", "{}", 400, "body"),
                arguments("account: password smuggled in", "PATCH", "/api/admin/users/{alice}", "{\"passwordHash\": \"x\"}", 400, "passwordHash"),
                arguments("role: malformed user id", "PATCH", "/api/admin/users/1", "{\"role\": \"admin\"}", 400, "id"),
                arguments("role: unknown user", "PATCH", "/api/admin/users/" + "e".repeat(24), "{\"role\": \"admin\"}", 404, "id"),
                arguments("users: negative page", "GET", "/api/admin/users?page=-1", null, 400, "page"),
                arguments("users: page as text", "GET", "/api/admin/users?page=two", null, 400, "page"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsAProblemNamingTheField(String name, String method, String path, String body, int status, String field) {
        String bookId = createBook(book("stock", 5));
        String orderId = http.post("/api/orders", aliceToken,
                "{\"items\": [{\"bookId\": \"" + bookId + "\", \"quantity\": 1}]}").json().path("id").asString();
        long usersBefore = mongo.getCollection("users").countDocuments();

        Http.Response response = http.send(method, fill(path, bookId, orderId), adminToken,
                body == null ? null : fill(body, bookId, orderId));

        assertProblem(response, status, field);
        assertThat(mongo.getCollection("users").countDocuments()).isEqualTo(usersBefore);
        assertThat(mongo.getCollection("orders").countDocuments()).isEqualTo(1);
        assertThat(http.get("/api/books/" + bookId, null).json().path("stock").asInt()).isEqualTo(4);
    }

    @Test
    void aBodyOverOneMegabyteIsRejectedWith413() {
        String huge = book("description", "x".repeat(1_100_000));

        assertProblem(http.post("/api/books", adminToken, huge), 413, "body");
        assertThat(mongo.getCollection("books").countDocuments()).isZero();
    }

    @Test
    void aChunkedBodyOverOneMegabyteIsRejectedWith413() {
        byte[] huge = book("description", "x".repeat(1_100_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(http.uri("/api/books"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                // a stream of unknown length goes out chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();

        assertProblem(http.send(request), 413, "body");
        assertThat(mongo.getCollection("books").countDocuments()).isZero();
    }

    @Test
    void aWrongContentTypeIsAProblem() {
        HttpRequest request = HttpRequest.newBuilder(http.uri("/api/books"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(book()))
                .build();

        Http.Response response = http.send(request);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnknownApiRouteIsANotFoundProblem() {
        Http.Response response = http.get("/api/nothing-here", adminToken);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private String fill(String text, String bookId, String orderId) {
        return text.replace("{book}", bookId).replace("{order}", orderId).replace("{alice}", aliceId);
    }

    static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.fields()).as(response.toString()).contains(field);
        assertThat(response.raw()).doesNotContain("Exception", "live.bookhub", "at org.", "tools.jackson");
    }
}
