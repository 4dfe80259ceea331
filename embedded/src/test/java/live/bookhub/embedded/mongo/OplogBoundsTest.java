package live.bookhub.embedded.mongo;

import static live.bookhub.embedded.mongo.ChangeEventShapeTest.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;

import live.bookhub.embedded.EmbeddedMongo;

class OplogBoundsTest {

    @Test
    void theStoreEvictsTheOldestEntriesAndStaysWithinItsSize() {
        MVStore mvStore = MVStore.open(null);
        OplogStore store = new OplogStore(mvStore, 4096);
        ClusterClock clock = new ClusterClock(Clock.systemUTC(), 0);
        long firstPosition = 0;
        for (int i = 0; i < 500; i++) {
            long position = clock.next().getValue();
            firstPosition = i == 0 ? position : firstPosition;
            store.append(new OplogEntry(position, Instant.now(), OplogEntry.Kind.DELETE, "bookhub.books",
                    new de.bwaldvogel.mongo.bson.Document("id", i)));
            assertThat(store.sizeBytes()).isLessThanOrEqualTo(4096);
        }
        assertThat(store.first()).isGreaterThan(firstPosition);
        assertThat(store.lastEvicted()).isLessThan(store.first());
        assertThat(store.readAfter(store.first() - 1, 1000)).hasSizeGreaterThan(10).hasSizeLessThan(500);
        mvStore.close();
    }

    @Test
    void resumingFromAnEvictedTokenIsHistoryLost() {
        try (MongoFixture mongo = MongoFixture.start(null, EmbeddedMongo.Options.defaults().withOplogMaxSizeBytes(8192))) {
            BsonDocument oldest;
            try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
                mongo.books().insertOne(new Document("_id", 0));
                oldest = next(cursor).getResumeToken();
            }
            for (int i = 1; i < 300; i++) {
                mongo.books().insertOne(new Document("_id", i).append("title", "book " + i));
            }

            assertThatThrownBy(() -> mongo.books().watch().resumeAfter(oldest).cursor())
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(286);
                        assertThat(e.getErrorCodeName()).isEqualTo("ChangeStreamHistoryLost");
                    });
        }
    }

    @Test
    void aStreamThatFallsBehindTheWindowFailsWithHistoryLost() {
        try (MongoFixture mongo = MongoFixture.start(null, EmbeddedMongo.Options.defaults().withOplogMaxSizeBytes(8192));
             var cursor = mongo.books().watch().batchSize(1).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            for (int i = 0; i < 300; i++) {
                mongo.books().insertOne(new Document("_id", i).append("title", "book " + i));
            }

            assertThatThrownBy(cursor::tryNext)
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(286));
        }
    }
}
