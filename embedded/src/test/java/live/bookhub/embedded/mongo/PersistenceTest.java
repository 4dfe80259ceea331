package live.bookhub.embedded.mongo;

import static live.bookhub.embedded.mongo.ChangeEventShapeTest.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import live.bookhub.embedded.EmbeddedMongo;

class PersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void dataAndOplogSurviveARestartAndOldTokensStillResume() {
        BsonDocument token;
        String lastTokenBeforeRestart;
        try (MongoFixture mongo = MongoFixture.start(dataDir, EmbeddedMongo.Options.defaults())) {
            try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
                mongo.books().insertOne(new Document("_id", 1).append("title", "Dune"));
                mongo.books().insertOne(new Document("_id", 2).append("title", "Emma"));
                token = next(cursor).getResumeToken();
                lastTokenBeforeRestart = ResumeTest.data(next(cursor).getResumeToken());
            }
        }

        try (MongoFixture mongo = MongoFixture.start(dataDir, EmbeddedMongo.Options.defaults())) {
            assertThat(mongo.books().countDocuments()).isEqualTo(2);
            mongo.books().insertOne(new Document("_id", 3).append("title", "Ulysses"));

            try (var resumed = mongo.books().watch().resumeAfter(token).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
                assertThat(ResumeTest.ids(resumed, 1)).containsExactly(2);
                var afterRestart = next(resumed);
                assertThat(afterRestart.getDocumentKey().getInt32("_id").getValue()).isEqualTo(3);
                assertThat(ResumeTest.data(afterRestart.getResumeToken())).isGreaterThan(lastTokenBeforeRestart);
            }
        }
    }
}
