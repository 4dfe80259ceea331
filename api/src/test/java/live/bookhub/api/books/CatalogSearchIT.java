package live.bookhub.api.books;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Search, filters, sort and pagination against a seeded catalog of 45 books. */
class CatalogSearchIT extends ApiIntegrationTest {

    @BeforeEach
    void seedCatalog() {
        List<Book> books = new ArrayList<>();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        String[] genres = {"fantasy", "mystery", "software"};
        for (int i = 0; i < 42; i++) {
            books.add(new Book(new ObjectId().toHexString(), "Volume " + (char) ('A' + i % 26) + i, "Author " + (i % 7),
                    500 + i * 100, i % 5, genres[i % 3], 1980 + i, null, null, null, now.plusSeconds(i), now.plusSeconds(i)));
        }
        books.add(new Book(new ObjectId().toHexString(), "Dune", "Frank Herbert", 999, 3, "science fiction", 1965,
                "9780441013593", null, null, now, now));
        books.add(new Book(new ObjectId().toHexString(), "Children of Dune", "Frank Herbert", 1099, 0, "science fiction", 1976,
                null, null, null, now, now));
        books.add(new Book(new ObjectId().toHexString(), "C++ (and more)", "Bjarne S.", 4999, 1, "software", 2013,
                null, null, null, now, now));
        mongo.insertAll(books);
    }

    @Test
    void textSearchMatchesTitleAndAuthorCaseInsensitively() {
        assertThat(titles("/api/books?q=dune")).containsExactlyInAnyOrder("Dune", "Children of Dune");
        assertThat(titles("/api/books?q=HERBERT")).containsExactlyInAnyOrder("Dune", "Children of Dune");
    }

    @Test
    void textSearchMatchesTheIsbnWithOrWithoutHyphens() {
        assertThat(titles("/api/books?q=978-0-441-01359-3")).containsExactly("Dune");
        assertThat(titles("/api/books?q=0441013593")).containsExactly("Dune");
    }

    @Test
    void regexCharactersInTheSearchAreLiteral() {
        assertThat(titles("/api/books?q=C%2B%2B%20(and")).containsExactly("C++ (and more)");
        assertThat(titles("/api/books?q=.*")).isEmpty();
    }

    @Test
    void filtersCombine() {
        JsonNode page = http.get("/api/books?genre=fantasy&yearFrom=1990&yearTo=2000&priceMin=1500&inStock=true&size=100", null).json();

        assertThat(page.path("items")).isNotEmpty();
        page.path("items").forEach(book -> {
            assertThat(book.path("genre").asString()).isEqualTo("fantasy");
            assertThat(book.path("year").asInt()).isBetween(1990, 2000);
            assertThat(book.path("price").asInt()).isGreaterThanOrEqualTo(1500);
            assertThat(book.path("stock").asInt()).isPositive();
        });
        assertThat(page.path("totalItems").asInt()).isEqualTo(page.path("items").size());
    }

    @Test
    void soldOutBooksCanBeListed() {
        assertThat(http.get("/api/books?inStock=false&size=100", null).json().path("items").valueStream()
                .allMatch(book -> book.path("stock").asInt() == 0)).isTrue();
    }

    @Test
    void sortsAscendingAndDescending() {
        List<Integer> ascending = prices("/api/books?sort=price&size=100");
        List<Integer> descending = prices("/api/books?sort=-price&size=100");

        assertThat(ascending).hasSize(45).isSorted();
        List<Integer> reversed = new ArrayList<>(ascending);
        java.util.Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);
    }

    @Test
    void pagesCoverTheCatalogOnceWithoutRepeats() {
        Set<String> seen = new HashSet<>();
        JsonNode first = http.get("/api/books?sort=stock&size=10&page=0", null).json();
        assertThat(first.path("totalItems").asInt()).isEqualTo(45);
        assertThat(first.path("totalPages").asInt()).isEqualTo(5);
        for (int page = 0; page < 5; page++) {
            http.get("/api/books?sort=stock&size=10&page=" + page, null).json().path("items")
                    .forEach(book -> assertThat(seen.add(book.path("id").asString())).isTrue());
        }
        assertThat(seen).hasSize(45);
        assertThat(http.get("/api/books?size=10&page=5", null).json().path("items")).isEmpty();
    }

    @Test
    void pageSizeIsBoundedAtOneHundred() {
        assertThat(http.get("/api/books?size=100", null).json().path("items")).hasSize(45);
        assertThat(http.get("/api/books", null).json().path("size").asInt()).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "size=101, size", "size=0, size", "page=-1, page", "sort=password, sort", "sort=price;drop, sort",
            "yearFrom=abc, yearFrom", "priceMin=-5, priceMin", "inStock=perhaps, inStock", "size=1.5, size"})
    void badSearchParametersAreProblemsNamingTheParameter(String query, String field) {
        Http.Response response = http.get("/api/books?" + query, null);

        BookBadInputIT.assertProblem(response, 400, field);
    }

    private List<String> titles(String path) {
        Http.Response response = http.get(path, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("items").valueStream().map(book -> book.path("title").asString()).toList();
    }

    private List<Integer> prices(String path) {
        return http.get(path, null).json().path("items").valueStream().map(book -> book.path("price").asInt()).toList();
    }
}
