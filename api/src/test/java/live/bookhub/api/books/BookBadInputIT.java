package live.bookhub.api.books;

import java.util.stream.Stream;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Bad input to the catalog: a 4xx problem naming the field, and nothing written. */
class BookBadInputIT extends ApiIntegrationTest {

    static Stream<Arguments> badBooks() {
        return Stream.of(
                arguments("malformed JSON", "{\"title\": ", 400, "body"),
                arguments("not an object", "[1, 2]", 400, "body"),
                arguments("empty body", "", 400, "body"),
                arguments("missing title", book("title", null), 400, "title"),
                arguments("blank title", book("title", "   "), 400, "title"),
                arguments("title too long", book("title", "x".repeat(201)), 400, "title"),
                arguments("missing price", book("price", null), 400, "price"),
                arguments("negative price", book("price", -1), 400, "price"),
                arguments("negative stock", book("stock", -5), 400, "stock"),
                arguments("price as a string", book("price", "12"), 400, "price"),
                arguments("price as a fraction", book("price", 12.5), 400, "price"),
                arguments("stock as a boolean", book("stock", true), 400, "stock"),
                arguments("title as an operator", book("title", java.util.Map.of("$gt", "")), 400, "title"),
                arguments("unknown field", book("discount", 10), 400, "discount"),
                arguments("dollar-prefixed key", book("$where", "1"), 400, "$where"),
                arguments("invalid isbn checksum", book("isbn", "9780135957050"), 400, "isbn"),
                arguments("javascript cover url", book("coverUrl", "javascript:alert(1)"), 400, "coverUrl"),
                arguments("year out of range", book("year", 99999), 400, "year"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBooks")
    void aBadBookIsRejectedWithAProblemNamingTheField(String name, String body, int status, String field) {
        Http.Response response = http.post("/api/books", adminToken, body);

        assertProblem(response, status, field);
        assertThat(mongo.getCollection("books").countDocuments()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBooks")
    void aBadReplacementLeavesTheBookUnchanged(String name, String body, int status, String field) {
        String id = createBook(book("isbn", null));

        assertProblem(http.put("/api/books/" + id, adminToken, body), status, field);
        assertThat(http.get("/api/books/" + id, null).json().path("title").asString()).isEqualTo("The Pragmatic Programmer");
    }

    static Stream<Arguments> badIds() {
        return Stream.of(
                arguments("GET", "/api/books/not-an-id", 400, "id"),
                arguments("GET", "/api/books/" + "0".repeat(24), 404, "id"),
                arguments("PATCH", "/api/books/xyz", 400, "id"),
                arguments("PATCH", "/api/books/" + "a".repeat(24), 404, "id"),
                arguments("DELETE", "/api/books/123", 400, "id"),
                arguments("DELETE", "/api/books/" + "b".repeat(24), 404, "id"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badIds")
    void aMalformedOrUnknownIdIsAProblemNamingTheId(String method, String path, int status, String field) {
        Http.Response response = http.send(method, path, adminToken, method.equals("PATCH") ? "{\"price\": 1}" : null);

        assertProblem(response, status, field);
    }

    @org.junit.jupiter.api.Test
    void aPatchWithNegativeStockChangesNothing() {
        String id = createBook(book());

        assertProblem(http.patch("/api/books/" + id, adminToken, "{\"price\": 100, \"stock\": -1}"), 400, "stock");
        assertThat(http.get("/api/books/" + id, null).json().path("price").asInt()).isEqualTo(3999);
    }

    static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.fields()).as(response.toString()).contains(field);
        assertThat(response.raw()).doesNotContain("Exception", "live.bookhub", "at org.");
    }
}
