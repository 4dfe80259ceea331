package live.bookhub.gateway.support;

import live.bookhub.embedded.EmbeddedRedis;
import live.bookhub.embedded.FreePorts;

/**
 * What every gateway integration test of a run shares: one real redis-server on a free port, and
 * the "api's" signing key with its JWKS. Started on first use, stopped when the test JVM exits.
 */
public final class TestInfra {

    public static final SigningKey API_KEY = SigningKey.generate();
    private static TestInfra instance;

    private final EmbeddedRedis redis;
    private final JwksServer jwks;

    private TestInfra() {
        this.redis = EmbeddedRedis.start(FreePorts.next(), null);
        this.jwks = JwksServer.start(API_KEY);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            jwks.close();
            redis.close();
        }, "test-infra-stop"));
    }

    public static synchronized TestInfra get() {
        if (instance == null) {
            instance = new TestInfra();
        }
        return instance;
    }

    /** The redis-server itself: a test that stops it starts it again before it ends. */
    public EmbeddedRedis redis() {
        return redis;
    }

    public String redisUri() {
        return redis.uri();
    }

    public JwksServer jwks() {
        return jwks;
    }
}
