package live.bookhub.embedded.mongo;

import static live.bookhub.embedded.mongo.ChangeEventShapeTest.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;

class ResumeTest {

    @AutoClose
    private final MongoFixture mongo = MongoFixture.inMemory();

    @Test
    void clusterTimesIncreaseStrictlyAndTokensSortLikeThem() {
        List<ChangeStreamDocument<Document>> events = new ArrayList<>();
        try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            for (int i = 0; i < 50; i++) {
                mongo.books().insertOne(new Document("_id", i));
            }
            for (int i = 0; i < 50; i++) {
                events.add(next(cursor));
            }
        }
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).getClusterTime()).isGreaterThan(events.get(i - 1).getClusterTime());
            assertThat(data(events.get(i).getResumeToken())).isGreaterThan(data(events.get(i - 1).getResumeToken()));
        }
        // MongoDB's KeyString form: Timestamp type 0x82, then the event's cluster time, which clients read from it
        assertThat(data(events.get(0).getResumeToken())).matches("82[0-9A-F]{24}")
                .startsWith(String.format("82%08X%08X", events.get(0).getClusterTime().getTime(), events.get(0).getClusterTime().getInc()));
    }

    @Test
    void resumeAfterATokenGivesExactlyTheLaterEvents() {
        BsonDocument token;
        try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            mongo.books().insertOne(new Document("_id", 1));
            mongo.books().insertOne(new Document("_id", 2));
            next(cursor);
            token = next(cursor).getResumeToken();
        }
        mongo.books().insertOne(new Document("_id", 3));
        mongo.books().insertOne(new Document("_id", 4));

        try (var resumed = mongo.books().watch().resumeAfter(token).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            assertThat(ids(resumed, 2)).containsExactly(3, 4);
            assertThat(resumed.tryNext()).isNull();
        }
        try (var started = mongo.books().watch().startAfter(token).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            assertThat(ids(started, 2)).containsExactly(3, 4);
        }
    }

    @Test
    void startAtOperationTimeIncludesThatTime() {
        BsonTimestamp second;
        try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            mongo.books().insertOne(new Document("_id", 1));
            mongo.books().insertOne(new Document("_id", 2));
            next(cursor);
            second = next(cursor).getClusterTime();
        }
        try (var cursor = mongo.books().watch().startAtOperationTime(second).maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            assertThat(ids(cursor, 1)).containsExactly(2);
        }
    }

    @Test
    void aTokenOfAnotherDeploymentIsNotFound() {
        String data = data(firstInsertToken());
        BsonDocument foreign = token(data.substring(0, 16) + (data.charAt(16) == 'F' ? '0' : 'F') + data.substring(17));

        assertThatThrownBy(() -> mongo.books().watch().resumeAfter(foreign).cursor())
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(280));
    }

    @Test
    void aTokenInsideTheWindowWithoutEntryOrInTheFutureIsNotFound() {
        String deployment;
        long gap;
        try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            mongo.books().insertOne(new Document("_id", 0));
            ChangeStreamDocument<Document> first = next(cursor);
            deployment = data(first.getResumeToken()).substring(18);
            ChangeStreamDocument<Document> latest = first;
            // Increments restart at 1 each second, so "<new second>:0" lies between two entries.
            for (int i = 1; latest.getClusterTime().getTime() == first.getClusterTime().getTime(); i++) {
                mongo.books().insertOne(new Document("_id", i));
                latest = next(cursor);
            }
            gap = (long) latest.getClusterTime().getTime() << 32;
        }
        BsonDocument noEntry = token(String.format("82%016X", gap) + deployment);
        BsonDocument future = token(String.format("82%016X", gap + (1000L << 32)) + deployment);

        assertThatThrownBy(() -> mongo.books().watch().resumeAfter(noEntry).cursor())
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(280));
        assertThatThrownBy(() -> mongo.books().watch().resumeAfter(future).cursor())
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(280));
    }

    @Test
    void aTokenOfTheEarlierFormWithoutTheTimestampTypeStillResumes() {
        BsonDocument token = firstInsertToken();
        mongo.books().insertOne(new Document("_id", 2));

        try (var resumed = mongo.books().watch().resumeAfter(token(data(token).substring(2)))
                .maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            assertThat(ids(resumed, 1)).containsExactly(2);
        }
    }

    @Test
    void aMalformedTokenIsABadValue() {
        assertThatThrownBy(() -> mongo.books().watch().resumeAfter(token("not-hex")).cursor())
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
    }

    private BsonDocument firstInsertToken() {
        try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            mongo.books().insertOne(new Document("_id", 1));
            return next(cursor).getResumeToken();
        }
    }

    static List<Object> ids(MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor, int count) {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(next(cursor).getDocumentKey().getInt32("_id").getValue());
        }
        return ids;
    }

    static String data(BsonDocument token) {
        return token.getString("_data").getValue();
    }

    static BsonDocument token(String data) {
        return new BsonDocument("_data", new BsonString(data));
    }
}
