package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;

class FailPointTest {

    private static final Document FIND = new Document("find", "books");

    @AutoClose
    private final MongoFixture mongo = MongoFixture.withTestCommands();

    @Test
    void timesFailsTheNamedCommandThatOftenWithTheCodeAndItsName() {
        Document reply = mongo.failCommand(new Document("times", 2), new Document("failCommands", List.of("find")).append("errorCode", 2));

        assertThat(reply.get("count", Number.class).intValue()).isZero();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> mongo.db().runCommand(FIND)).isInstanceOfSatisfying(MongoCommandException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(2);
                assertThat(e.getErrorCodeName()).isEqualTo("BadValue");
                assertThat(e.getErrorMessage()).isEqualTo("Failing command via 'failCommand' failpoint");
            });
        }
        assertThat(mongo.db().runCommand(FIND).get("ok", Number.class).intValue()).isEqualTo(1);
        mongo.db().runCommand(new Document("count", "books")); // not named: never failed
    }

    @Test
    void aNamespaceLimitsTheFailPointToOneCollection() {
        mongo.failCommand("alwaysOn", new Document("failCommands", List.of("find")).append("errorCode", 2)
                .append("namespace", "bookhub.orders"));

        mongo.db().runCommand(FIND);
        assertThatThrownBy(() -> mongo.db().runCommand(new Document("find", "orders"))).isInstanceOf(MongoCommandException.class);
    }

    @Test
    void skipLetsTheFirstCommandsThroughThenFailsEveryOneUntilTurnedOff() {
        mongo.failCommand(new Document("skip", 1), new Document("failCommands", List.of("find")).append("errorCode", 216));

        mongo.db().runCommand(FIND);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> mongo.db().runCommand(FIND))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCodeName()).isEqualTo("ElectionInProgress"));
        }
        Document off = mongo.client.getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand").append("mode", "off"));

        assertThat(off.get("count", Number.class).intValue()).isEqualTo(2);
        mongo.db().runCommand(FIND);
    }

    @Test
    void errorLabelsGivenReplaceTheServersOwn() {
        mongo.failCommand("alwaysOn", new Document("failCommands", List.of("find")).append("errorCode", 91)
                .append("errorLabels", List.of("SomeLabel")));

        assertThatThrownBy(() -> mongo.db().runCommand(FIND)).isInstanceOfSatisfying(MongoCommandException.class, e -> {
            assertThat(e.getErrorCodeName()).isEqualTo("ShutdownInProgress");
            assertThat(e.getErrorLabels()).containsExactly("SomeLabel");
        });
    }

    @Test
    void closeConnectionDropsTheConnectionWithoutAReply() {
        mongo.failCommand(new Document("times", 1), new Document("failCommands", List.of("find")).append("closeConnection", true));

        assertThatThrownBy(() -> mongo.db().runCommand(FIND)).isInstanceOf(MongoSocketException.class);
        mongo.db().runCommand(FIND);
    }

    @Test
    void blockConnectionDelaysTheCommandThenRunsIt() {
        mongo.failCommand(new Document("times", 1), new Document("failCommands", List.of("find"))
                .append("blockConnection", true).append("blockTimeMS", 300));

        long start = System.nanoTime();
        Document reply = mongo.db().runCommand(FIND);

        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(reply.get("ok", Number.class).intValue()).isEqualTo(1);
    }

    @Test
    void waitForFailPointAnswersOnceTheFailPointHasFiredThatOftenSinceTheStart() {
        long before = mongo.failCommand(new Document("times", 1), new Document("failCommands", List.of("find"))
                .append("blockConnection", true).append("blockTimeMS", 200)).get("count", Number.class).longValue();
        Document waitForOne = new Document("waitForFailPoint", "failCommand").append("timesEntered", before + 1);

        var find = java.util.concurrent.CompletableFuture.runAsync(() -> mongo.db().runCommand(FIND));
        mongo.client.getDatabase("admin").runCommand(waitForOne.append("maxTimeMS", 10_000));
        find.join();
        assertThatThrownBy(() -> mongo.client.getDatabase("admin").runCommand(new Document("waitForFailPoint", "failCommand")
                .append("timesEntered", before + 2).append("maxTimeMS", 50)))
                .isInstanceOfSatisfying(MongoExecutionTimeoutException.class, e -> assertThat(e.getCode()).isEqualTo(50));
    }

    @Test
    void blockConnectionWithoutATimeIsInvalidOptionsAndAnUnknownFailPointIsFailPointSetFailed() {
        assertThatThrownBy(() -> mongo.failCommand("alwaysOn", new Document("failCommands", List.of("find")).append("blockConnection", true)))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCodeName()).isEqualTo("InvalidOptions"));
        assertThatThrownBy(() -> mongo.client.getDatabase("admin").runCommand(new Document("configureFailPoint", "hangBeforeX").append("mode", "off")))
                .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(266));
    }

    @Test
    void withoutTestCommandsConfigureFailPointIsCommandNotFound() {
        try (MongoFixture plain = MongoFixture.inMemory()) {
            assertThatThrownBy(() -> plain.failCommand("alwaysOn", new Document("failCommands", List.of("find")).append("errorCode", 2)))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(59));
        }
    }

    @Test
    void testCommandsAreRefusedOnANonLoopbackAddress() {
        assertThatThrownBy(() -> WireServer.start("0.0.0.0", 0, null, 1 << 20, null, true, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    @Test
    void aRetriableErrorOnAChangeStreamsGetMoreIsLabelledResumableAndTheDriverResumes() {
        try (var cursor = mongo.books().watch().maxAwaitTime(100, TimeUnit.MILLISECONDS).cursor()) {
            mongo.failCommand(new Document("times", 1), new Document("failCommands", List.of("getMore")).append("errorCode", 6));
            mongo.books().insertOne(new Document("_id", 1));

            assertThat(ChangeEventShapeTest.next(cursor).getDocumentKey().getInt32("_id").getValue()).isEqualTo(1);
            assertThat(mongo.failCommand("off", new Document()).get("count", Number.class).intValue()).isEqualTo(1);
        }
    }

    @Test
    void aNonResumableErrorIsLabelledSoAndReachesTheConsumer() {
        try (var cursor = mongo.books().watch().maxAwaitTime(100, TimeUnit.MILLISECONDS).cursor()) {
            mongo.failCommand(new Document("times", 1), new Document("failCommands", List.of("getMore")).append("errorCode", 280));

            assertThatThrownBy(cursor::tryNext).isInstanceOfSatisfying(MongoCommandException.class, e -> {
                assertThat(e.getErrorCodeName()).isEqualTo("ChangeStreamFatalError");
                assertThat(e.getErrorLabels()).containsExactly("NonResumableChangeStreamError");
            });
        }
    }
}
