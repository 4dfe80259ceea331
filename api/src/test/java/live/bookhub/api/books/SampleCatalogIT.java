package live.bookhub.api.books;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import live.bookhub.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleCatalogIT extends ApiIntegrationTest {

    @Test
    void anEmptyCatalogIsFilledOnceWithOverTwoHundredBooks() {
        SampleCatalog sample = new SampleCatalog(mongo, new CatalogProperties(true), Clock.systemUTC());

        sample.run(null);
        sample.run(null);

        assertThat(mongo.getCollection("books").countDocuments()).isEqualTo(SampleCatalog.read().size()).isGreaterThanOrEqualTo(200);
        assertThat(http.get("/api/books?q=austen", null).json().path("totalItems").asInt()).isEqualTo(4);
    }

    @Test
    void nothingIsLoadedUnlessAskedFor() {
        new SampleCatalog(mongo, new CatalogProperties(false), Clock.systemUTC()).run(null);

        assertThat(mongo.getCollection("books").countDocuments()).isZero();
    }

    @Test
    void everySampleBookPassesTheCatalogsOwnValidationWithAUniqueIsbn() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Set<String> isbns = new HashSet<>();

        for (SampleCatalog.SampleBook sample : SampleCatalog.read()) {
            BookForm form = new BookForm(sample.title(), sample.author(), sample.price(), sample.stock(), sample.genre(),
                    sample.year(), sample.isbn(), sample.description(), sample.coverUrl());
            assertThat(validator.validate(form)).as(sample.title()).isEmpty();
            assertThat(isbns.add(sample.isbn())).as(sample.isbn()).isTrue();
        }
    }
}
