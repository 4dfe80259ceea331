package live.bookhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import redis.clients.jedis.Jedis;

class EmbeddedRedisTest {

    @TempDir
    Path dataDir;

    @Test
    void answersOnItsPort() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.next(), null);
             Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
        }
    }

    @Test
    void stopAndStartOnTheSamePortKeepsTheDataOfItsDataDir() {
        try (EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.next(), dataDir)) {
            try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
                jedis.set("book:1", "Dune");
            }
            redis.stop();
            redis.start();
            try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
                assertThat(jedis.get("book:1")).isEqualTo("Dune");
            }
        }
    }
}
