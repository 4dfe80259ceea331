package live.bookhub.embedded.mongo;

import static live.bookhub.embedded.mongo.ChangeEventShapeTest.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;

import live.bookhub.embedded.EmbeddedMongo;

/** TTL indexes expire documents as MongoDB's TTL monitor does, and the deletes reach change streams. */
class TtlTest {

    /** The monitor's passes in these tests; MongoDB's (and the default) is 60 s. */
    private static final EmbeddedMongo.Options FAST_MONITOR = EmbeddedMongo.Options.defaults()
            .withTtlMonitorInterval(Duration.ofMillis(100));
    private static final Duration EXPIRY = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void aDocumentWhoseDateIsOlderThanExpireAfterSecondsIsDeletedAndAChangeStreamSeesTheDelete() {
        try (MongoFixture mongo = MongoFixture.start(null, FAST_MONITOR)) {
            MongoCollection<Document> sessions = mongo.db().getCollection("sessions");
            sessions.createIndex(Indexes.ascending("createdAt"), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS));
            Date now = new Date();
            Date old = Date.from(Instant.now().minusSeconds(120));
            try (var stream = sessions.watch().maxAwaitTime(100, TimeUnit.MILLISECONDS).cursor()) {
                sessions.insertMany(List.of(
                        new Document("_id", "expired").append("createdAt", old),
                        new Document("_id", "fresh").append("createdAt", now),
                        new Document("_id", "without"),
                        new Document("_id", "not a date").append("createdAt", "2020-01-01"),
                        new Document("_id", "earliest expired").append("createdAt", List.of(now, old)),
                        new Document("_id", "all fresh").append("createdAt", List.of(now, now))));

                await().atMost(EXPIRY).until(() -> ids(sessions).size() == 4);
                assertThat(ids(sessions)).containsExactlyInAnyOrder("fresh", "without", "not a date", "all fresh");

                List<ChangeStreamDocument<Document>> events = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    events.add(next(stream));
                }
                assertThat(events.subList(6, 8)).allSatisfy(event -> assertThat(event.getOperationType()).isEqualTo(OperationType.DELETE));
                assertThat(events.subList(6, 8).stream().map(event -> event.getDocumentKey().getString("_id").getValue()))
                        .containsExactlyInAnyOrder("expired", "earliest expired");
            }
        }
    }

    @Test
    void listIndexesShowsExpireAfterSecondsAndCollModChangesItWithAModifyEvent() {
        try (MongoFixture mongo = MongoFixture.start(null, FAST_MONITOR)) {
            MongoCollection<Document> sessions = mongo.db().getCollection("sessions");
            sessions.createIndex(Indexes.ascending("createdAt"), new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS));
            sessions.insertOne(new Document("_id", 1).append("createdAt", Date.from(Instant.now().minusSeconds(120))));
            assertThat(expireAfterSeconds(sessions)).isEqualTo(3600);

            try (var stream = mongo.db().watch().showExpandedEvents(true).maxAwaitTime(100, TimeUnit.MILLISECONDS)
                    .withDocumentClass(BsonDocument.class).cursor()) {
                Document reply = mongo.db().runCommand(new Document("collMod", "sessions").append("index",
                        new Document("keyPattern", new Document("createdAt", 1)).append("expireAfterSeconds", 60)));

                assertThat(reply.get("expireAfterSeconds_old", Number.class).intValue()).isEqualTo(3600);
                assertThat(reply.get("expireAfterSeconds_new", Number.class).intValue()).isEqualTo(60);
                assertThat(expireAfterSeconds(sessions)).isEqualTo(60);
                BsonDocument modify = next(stream);
                assertThat(modify.getString("operationType").getValue()).isEqualTo("modify");
                assertThat(modify.getDocument("operationDescription").getDocument("index").getString("name").getValue())
                        .isEqualTo("createdAt_1");
            }
            await().atMost(EXPIRY).until(() -> sessions.countDocuments() == 0);
        }
    }

    @Test
    void collModOfAMissingIndexOrAnUnknownIndexOptionIsRefused() {
        try (MongoFixture mongo = MongoFixture.start(null, FAST_MONITOR)) {
            mongo.db().getCollection("sessions").createIndex(Indexes.ascending("createdAt"));

            assertThatThrownBy(() -> mongo.db().runCommand(new Document("collMod", "sessions").append("index",
                    new Document("name", "nothing_1").append("expireAfterSeconds", 60))))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCodeName()).isEqualTo("IndexNotFound"));
            assertThatThrownBy(() -> mongo.db().runCommand(new Document("collMod", "sessions").append("index",
                    new Document("name", "createdAt_1").append("hidden", true))))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCodeName()).isEqualTo("InvalidOptions"));
        }
    }

    @Test
    void aPartialTtlIndexExpiresOnlyTheDocumentsItHolds() {
        try (MongoFixture mongo = MongoFixture.start(null, FAST_MONITOR)) {
            MongoCollection<Document> sessions = mongo.db().getCollection("sessions");
            sessions.createIndex(Indexes.ascending("createdAt"), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS)
                    .partialFilterExpression(new Document("kind", "guest")));
            Date old = Date.from(Instant.now().minusSeconds(120));
            sessions.insertMany(List.of(new Document("_id", "guest").append("kind", "guest").append("createdAt", old),
                    new Document("_id", "member").append("kind", "member").append("createdAt", old)));

            await().atMost(EXPIRY).until(() -> ids(sessions).size() == 1);
            assertThat(ids(sessions)).containsExactly("member");
        }
    }

    @Test
    void createIndexRefusesAnExpireAfterSecondsThatWouldNotExpireAsMeant() {
        try (MongoFixture mongo = MongoFixture.start(null, FAST_MONITOR)) {
            for (Document spec : List.of(
                    new Document("key", new Document("createdAt", 1)).append("expireAfterSeconds", "60"),
                    new Document("key", new Document("createdAt", 1)).append("expireAfterSeconds", -1),
                    new Document("key", new Document("createdAt", 1)).append("expireAfterSeconds", 1L << 40),
                    new Document("key", new Document("createdAt", 1).append("userId", 1)).append("expireAfterSeconds", 60))) {
                spec.append("name", "ttl");
                assertThatThrownBy(() -> mongo.db().runCommand(new Document("createIndexes", "sessions").append("indexes", List.of(spec))))
                        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                            assertThat(e.getErrorCodeName()).isEqualTo("CannotCreateIndex");
                            assertThat(e.getErrorMessage()).startsWith("TTL index 'expireAfterSeconds' option");
                        });
            }
            assertThat(mongo.db().getCollection("sessions").listIndexes().into(new ArrayList<>())).noneMatch(index -> index.get("name").equals("ttl"));
        }
    }

    @Test
    void aTtlIndexKeepsExpiringAfterARestart() {
        try (MongoFixture mongo = MongoFixture.start(dataDir, EmbeddedMongo.Options.defaults())) {
            MongoCollection<Document> sessions = mongo.db().getCollection("sessions");
            sessions.createIndex(Indexes.ascending("createdAt"), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS));
            sessions.insertOne(new Document("_id", 1).append("createdAt", Date.from(Instant.now().minusSeconds(120))));
        }
        try (MongoFixture mongo = MongoFixture.start(dataDir, FAST_MONITOR)) {
            await().atMost(EXPIRY).until(() -> mongo.db().getCollection("sessions").countDocuments() == 0);
        }
    }

    private static List<Object> ids(MongoCollection<Document> collection) {
        return collection.find().map(document -> document.get("_id")).into(new ArrayList<>());
    }

    private static int expireAfterSeconds(MongoCollection<Document> collection) {
        for (Document index : collection.listIndexes()) {
            if (index.get("name").equals("createdAt_1")) {
                return index.get("expireAfterSeconds", Number.class).intValue();
            }
        }
        throw new AssertionError("no index createdAt_1");
    }
}
