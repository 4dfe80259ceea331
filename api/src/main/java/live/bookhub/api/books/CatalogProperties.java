package live.bookhub.api.books;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog.
 *
 * @param loadSample load the sample catalog ({@code catalog/sample-books.json}, 220 books) when the
 *                   {@code books} collection is empty at start; off by default so that no real
 *                   store ever gets made-up books
 */
@ConfigurationProperties("bookhub.catalog")
public record CatalogProperties(@DefaultValue("false") boolean loadSample) {
}
