package live.bookhub.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import live.bookhub.api.support.ApiIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoIndexesIT extends ApiIntegrationTest {

    /** So that book:deleted can carry the deleted book's title and author. */
    @Test
    void booksKeepPreImagesForChangeStreams() {
        Document books = mongo.getDb().listCollections().filter(new Document("name", "books")).first();

        assertThat(books).isNotNull();
        assertThat(books.get("options", Document.class).get("changeStreamPreAndPostImages"))
                .isEqualTo(new Document("enabled", true));
    }
}
