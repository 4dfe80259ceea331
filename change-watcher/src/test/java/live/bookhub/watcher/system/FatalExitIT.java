package live.bookhub.watcher.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import live.bookhub.embedded.FreePorts;
import live.bookhub.watcher.support.Backends;
import live.bookhub.watcher.support.WatcherProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher's jar, run as it is in production: what retrying cannot mend ends it with a non-zero
 * exit and one line naming the setting to check; a server that is merely away only delays it.
 * Bounds include the JVM's start, which is what takes seconds here.
 */
class FatalExitIT {

    private static final Duration BOUND = Duration.ofSeconds(90);

    private final Backends backends = Backends.start();

    @AfterEach
    void stop() {
        backends.close();
    }

    @Test
    void credentialsRedisRefusesEndTheWatcherWithALineNamingTheSetting() throws Exception {
        backends.redis().configSet("requirepass", "the-right-one");
        try (WatcherProcess watcher = WatcherProcess.start("--server.port=0", "--spring.mongodb.uri=" + backends.mongoUri(),
                "--spring.data.redis.url=redis://:a-wrong-one@" + URI.create(backends.redisUri()).getAuthority())) {
            assertThat(watcher.awaitExit(BOUND)).isEqualTo(FatalExit.EXIT_CODE);
            assertThat(watcher.output().lines().filter(line -> line.contains("cannot go on")))
                    .singleElement().asString()
                    .contains("Redis refused the watcher's credentials", "WRONGPASS", "check spring.data.redis.url");
        }
    }

    @Test
    void aCollectionWhoseChangesMapToNoEventIsRefusedAtStart() throws Exception {
        try (WatcherProcess watcher = WatcherProcess.start("--server.port=0", "--spring.mongodb.uri=" + backends.mongoUri(),
                "--spring.data.redis.url=" + backends.redisUri(), "--bookhub.watcher.collections=books,novels")) {
            assertThat(watcher.awaitExit(BOUND)).isNotZero();
            assertThat(watcher.output()).contains("bookhub.watcher.collections: the changes of collection \"novels\" map to no event");
        }
    }

    @Test
    void redisAwayOnlyDelaysTheWatcherWhichLeadsOnceRedisIsBack() throws Exception {
        backends.redisServer().stop();
        int port = FreePorts.next();
        try (WatcherProcess watcher = WatcherProcess.start("--server.port=" + port, "--spring.mongodb.uri=" + backends.mongoUri(),
                "--spring.data.redis.url=" + backends.redisUri(), "--bookhub.watcher.lease-renew-interval=500ms",
                "--bookhub.watcher.lease-ttl=2s")) {
            await().atMost(BOUND).until(() -> watcher.output().contains("lease step failed"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(watcher::isAlive);
            backends.redisServer().start();
            await().atMost(Duration.ofSeconds(60)).until(() -> health(port).contains("\"role\":\"leader\""));
            assertThat(watcher.output()).doesNotContain("cannot go on");
        }
    }

    private static String health(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
