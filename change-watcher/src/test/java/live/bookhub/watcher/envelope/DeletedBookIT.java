package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.mongodb.client.model.Filters;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** book:deleted names the book where the collection keeps pre-images, as the api has books do. */
class DeletedBookIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @AutoClose
    private final Backends backends = Backends.start();

    @Test
    void aDeletedBookCarriesItsTitleAndAuthorOnceBooksKeepPreImagesAndOnlyItsIdBefore() {
        backends.db().getCollection("books").insertOne(new Document("title", "Dune").append("author", "Frank Herbert"));
        try (WatcherReplica watcher = WatcherReplica.start(backends, "a").awaitStreaming()) {
            backends.db().getCollection("books").deleteOne(Filters.eq("title", "Dune"));
            await().atMost(WAIT).until(() -> backends.events("book:deleted").size() == 1);

            backends.db().runCommand(new Document("collMod", "books")
                    .append("changeStreamPreAndPostImages", new Document("enabled", true)));
            backends.db().getCollection("books").insertOne(new Document("title", "Emma").append("author", "Jane Austen"));
            backends.db().getCollection("books").deleteOne(Filters.eq("title", "Emma"));
            await().atMost(WAIT).until(() -> backends.events("book:deleted").size() == 2);
        }

        JsonNode withoutImage = backends.events("book:deleted").get(0).path("data");
        assertThat(withoutImage.path("id").isString()).isTrue();
        assertThat(withoutImage.has("title")).isFalse();
        JsonNode withImage = backends.events("book:deleted").get(1).path("data");
        assertThat(withImage.path("title").asString()).isEqualTo("Emma");
        assertThat(withImage.path("author").asString()).isEqualTo("Jane Austen");
        assertThat(withImage.path("id").asString()).isEqualTo(backends.events("book:created").get(0).path("data").path("id").asString());
    }
}
