package live.bookhub.api.books;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty catalog with the sample books on start, when {@code bookhub.catalog.load-sample}
 * is on (the local stack turns it on). The inserts go through MongoDB like any write, so the
 * change-watcher broadcasts them as {@code book:created} events.
 */
@Component
class SampleCatalog implements ApplicationRunner {

    static final String RESOURCE = "catalog/sample-books.json";
    private static final Logger log = LoggerFactory.getLogger(SampleCatalog.class);

    private final MongoTemplate mongo;
    private final CatalogProperties properties;
    private final Clock clock;

    SampleCatalog(MongoTemplate mongo, CatalogProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** A sample book as the resource file holds it. */
    record SampleBook(String title, String author, int price, int stock, String genre, Integer year, String isbn,
            String description, String coverUrl) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadSample() || mongo.exists(new Query(), Book.class)) {
            return;
        }
        Instant now = clock.instant();
        List<Book> books = read().stream().map(sample -> new Book(new ObjectId().toHexString(), sample.title(),
                sample.author(), sample.price(), sample.stock(), sample.genre(), sample.year(), sample.isbn(),
                sample.description(), sample.coverUrl(), now, now)).toList();
        mongo.insert(books, Book.class);
        log.info("loaded {} sample books into the empty catalog", books.size());
    }

    static List<SampleBook> read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<SampleBook>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
