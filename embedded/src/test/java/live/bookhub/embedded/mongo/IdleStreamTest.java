package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.changestream.ChangeStreamDocument;

class IdleStreamTest {

    @AutoClose
    private final MongoFixture mongo = MongoFixture.inMemory();

    @Test
    void postBatchResumeTokenAdvancesOnAnIdleCollection() {
        try (var cursor = mongo.books().watch().maxAwaitTime(100, TimeUnit.MILLISECONDS).cursor()) {
            assertThat(cursor.tryNext()).isNull();
            BsonDocument before = cursor.getResumeToken();
            assertThat(before).isNotNull();

            mongo.db().getCollection("orders").insertOne(new Document("_id", 1));

            assertThat(cursor.tryNext()).isNull();
            String after = ResumeTest.data(cursor.getResumeToken());
            assertThat(after).isGreaterThan(ResumeTest.data(before));

            // the advanced token is a valid place to resume from
            try (var resumed = mongo.books().watch().resumeAfter(cursor.getResumeToken())
                    .maxAwaitTime(100, TimeUnit.MILLISECONDS).cursor()) {
                mongo.books().insertOne(new Document("_id", 2));
                assertThat(ChangeEventShapeTest.next(resumed).getDocumentKey().getInt32("_id").getValue()).isEqualTo(2);
            }
        }
    }

    @Test
    void aWaitingGetMoreWakesUpWhenAnotherThreadWritesAndStallsNoOtherConnection() {
        try (var cursor = mongo.books().watch().maxAwaitTime(10, TimeUnit.SECONDS).cursor();
             MongoClient other = MongoClients.create(mongo.server.connectionString("bookhub"))) {
            CompletableFuture<ChangeStreamDocument<Document>> waiting = CompletableFuture.supplyAsync(cursor::tryNext);

            // while the getMore waits, other connections are served
            for (int i = 0; i < 20; i++) {
                assertThat(other.getDatabase("bookhub").getCollection("orders").countDocuments()).isZero();
            }
            assertThat(waiting).isNotDone();

            other.getDatabase("bookhub").getCollection("books").insertOne(new Document("_id", 42));

            await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
            assertThat(waiting.join().getDocumentKey().getInt32("_id").getValue()).isEqualTo(42);
        }
    }

    @Test
    void aWaitingGetMoreIgnoresWritesItsStreamDoesNotShow() {
        try (var cursor = mongo.books().watch().maxAwaitTime(10, TimeUnit.SECONDS).cursor()) {
            CompletableFuture<ChangeStreamDocument<Document>> waiting = CompletableFuture.supplyAsync(cursor::tryNext);
            mongo.db().getCollection("orders").insertOne(new Document("_id", 1));
            mongo.books().insertOne(new Document("_id", 7));

            await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
            assertThat(waiting.join().getDocumentKey().getInt32("_id").getValue()).isEqualTo(7);
        }
    }
}
