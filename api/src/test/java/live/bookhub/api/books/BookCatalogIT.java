package live.bookhub.api.books;

import java.time.Instant;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BookCatalogIT extends ApiIntegrationTest {

    @Test
    void adminCreatesABookThatAnyoneCanRead() {
        Http.Response created = http.post("/api/books", adminToken, book());

        assertThat(created.status()).isEqualTo(201);
        JsonNode book = created.json();
        String id = book.path("id").asString();
        assertThat(ObjectId.isValid(id)).isTrue();
        assertThat(created.header("Location")).isEqualTo("/api/books/" + id);
        assertThat(book.path("title").asString()).isEqualTo("The Pragmatic Programmer");
        assertThat(book.path("price").asInt()).isEqualTo(3999);
        assertThat(book.path("isbn").asString()).as("stored without hyphens").isEqualTo("9780135957059");
        assertThat(Instant.parse(book.path("createdAt").asString())).isEqualTo(Instant.parse(book.path("updatedAt").asString()));

        Http.Response read = http.get("/api/books/" + id, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(book);
    }

    @Test
    void storedDocumentUsesTheContractFieldsAndTypes() {
        String id = createBook(book());

        Document raw = mongo.getCollection("books").find(new Document("_id", new ObjectId(id))).first();

        assertThat(raw).isNotNull();
        assertThat(raw.keySet()).containsExactlyInAnyOrder("_id", "title", "author", "price", "stock", "genre", "year",
                "isbn", "description", "coverUrl", "createdAt", "updatedAt");
        assertThat(raw.get("price")).isInstanceOf(Integer.class);
        assertThat(raw.get("stock")).isInstanceOf(Integer.class);
        assertThat(raw.get("createdAt")).isInstanceOf(java.util.Date.class);
    }

    @Test
    void putReplacesEveryFieldAndRemovesOmittedOptionalOnes() {
        String id = createBook(book());

        Http.Response replaced = http.put("/api/books/" + id, adminToken,
                book("title", "Refactoring", "price", 4599, "description", null, "isbn", null));

        assertThat(replaced.status()).isEqualTo(200);
        JsonNode book = replaced.json();
        assertThat(book.path("title").asString()).isEqualTo("Refactoring");
        assertThat(book.path("price").asInt()).isEqualTo(4599);
        assertThat(book.path("description").isNull() || book.path("description").isMissingNode()).isTrue();
        assertThat(Instant.parse(book.path("updatedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(book.path("createdAt").asString()));
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        String id = createBook(book());

        Http.Response patched = http.patch("/api/books/" + id, adminToken, "{\"price\": 1299, \"stock\": 4}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("price").asInt()).isEqualTo(1299);
        assertThat(patched.json().path("stock").asInt()).isEqualTo(4);
        assertThat(patched.json().path("title").asString()).isEqualTo("The Pragmatic Programmer");
    }

    @Test
    void deleteRemovesTheBookAndASecondDeleteIsNotFound() {
        String id = createBook(book());

        assertThat(http.delete("/api/books/" + id, adminToken).status()).isEqualTo(204);
        assertThat(http.get("/api/books/" + id, null).status()).isEqualTo(404);
        assertThat(http.delete("/api/books/" + id, adminToken).status()).isEqualTo(404);
    }

    @Test
    void listReturnsAPageOfBooks() {
        createBook(book("title", "B", "isbn", "9780201633610"));
        createBook(book("title", "A", "isbn", "9780134685991"));

        JsonNode page = http.get("/api/books", null).json();

        assertThat(page.path("totalItems").asInt()).isEqualTo(2);
        assertThat(page.path("items").valueStream().map(book -> book.path("title").asString())).containsExactly("A", "B");
    }

    @Test
    void aDuplicateIsbnIsAConflictNamingTheField() {
        createBook(book());

        Http.Response duplicate = http.post("/api/books", adminToken, book("title", "Another", "isbn", "9780135957059"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.fields()).containsExactly("isbn");
        assertThat(mongo.getCollection("books").countDocuments()).isEqualTo(1);
    }

    @Test
    void booksWithoutIsbnDoNotCollide() {
        createBook(book("isbn", null));
        createBook(book("isbn", null, "title", "Second"));

        assertThat(mongo.getCollection("books").countDocuments()).isEqualTo(2);
    }

    @Test
    void writesNeedAnAdmin() {
        String id = createBook(book());

        assertThat(http.post("/api/books", null, book()).status()).isEqualTo(401);
        assertThat(http.post("/api/books", aliceToken, book()).status()).isEqualTo(403);
        assertThat(http.put("/api/books/" + id, aliceToken, book()).status()).isEqualTo(403);
        assertThat(http.patch("/api/books/" + id, null, "{\"price\": 1}").status()).isEqualTo(401);
        assertThat(http.delete("/api/books/" + id, aliceToken).status()).isEqualTo(403);
        Http.Response forbidden = http.delete("/api/books/" + id, aliceToken);
        assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(forbidden.json().path("status").asInt()).isEqualTo(403);
        assertThat(http.get("/api/books/" + id, null).json().path("price").asInt()).isEqualTo(3999);
    }

    @Test
    void aDocumentWrittenByAnotherToolIsServed() {
        // e.g. inserted in mongosh, where numbers are doubles and optional fields may be absent
        ObjectId id = new ObjectId();
        mongo.getCollection("books").insertOne(new Document("_id", id).append("title", "Dune")
                .append("author", "Frank Herbert").append("price", 999.0).append("stock", 3.0));

        Http.Response read = http.get("/api/books/" + id.toHexString(), null);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("price").asInt()).isEqualTo(999);
    }
}
