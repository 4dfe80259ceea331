package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherReplica;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness means live: a leader is not ready until every change stream is open, and is once they
 * are; a standby is ready once it has read the lease.
 */
class ReadinessIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Backends backends = Backends.withFailPoints();

    @AfterEach
    void stop() {
        backends.close();
    }

    @Test
    void aLeaderIsNotReadyBeforeItsChangeStreamsAreOpenAndIsAfter() {
        // Every attempt to open the books stream fails, as while a replica set has no primary.
        failPoint(new Document("mode", "alwaysOn").append("data", new Document("failCommands", List.of("aggregate"))
                .append("namespace", "bookhub.books").append("errorCode", 189))); // PrimarySteppedDown
        try (WatcherReplica watcher = WatcherReplica.start(backends, "a")) {
            await().atMost(WAIT).until(watcher::isLeader);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(15)).until(() -> !watcher.isReady());
            assertThat(watcher.get("/actuator/health/readiness").body()).contains("\"books\":\"closed\"");

            failPoint(new Document("mode", "off"));
            await().atMost(WAIT).until(watcher::isReady);
            assertThat(watcher.get("/actuator/health/readiness").body()).contains("\"books\":\"open\"", "\"orders\":\"open\"");
        }
    }

    @Test
    void aStandbyIsReadyOnceItHasReadTheLease() {
        try (WatcherReplica leader = WatcherReplica.start(backends, "a").awaitStreaming();
             WatcherReplica standby = WatcherReplica.start(backends, "b")) {
            await().atMost(WAIT).until(standby::isReady);
            assertThat(standby.isLeader()).isFalse();
            assertThat(leader.isReady()).isTrue();
        }
    }

    private void failPoint(Document settings) {
        Document command = new Document("configureFailPoint", "failCommand");
        command.putAll(settings);
        backends.admin().runCommand(command);
    }
}
