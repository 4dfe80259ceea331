package live.bookhub.api.auth;

import java.net.http.HttpRequest;
import java.util.Map;

import live.bookhub.api.ApiApplication;
import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import live.bookhub.api.support.SharedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each test logs in from its own client address (X-Forwarded-For from the local proxy), so counters
 * do not mix. A second api instance of the same deployment (same database, same key) runs beside
 * the test's own: the limits hold for both together.
 */
@TestPropertySource(properties = {"bookhub.auth.login-limit.per-ip=5", "bookhub.auth.login-limit.per-account=3",
        "bookhub.auth.login-limit.window=10m"})
class LoginRateLimitIT extends ApiIntegrationTest {

    private static ConfigurableApplicationContext secondInstance;

    private Http second;

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(ApiApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + SharedMongo.connectionString(), "--bookhub.auth.key-dir=" + KEY_DIR,
                "--bookhub.auth.bcrypt-strength=4", "--bookhub.auth.login-limit.per-ip=5",
                "--bookhub.auth.login-limit.per-account=3", "--bookhub.auth.login-limit.window=10m");
    }

    @AfterAll
    static void stopSecondInstance() {
        secondInstance.close();
    }

    @BeforeEach
    void connectToSecondInstance() {
        second = new Http(((WebServerApplicationContext) secondInstance).getWebServer().getPort());
    }

    @Test
    void attemptsFromOneAddressCountOnBothInstances() {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(i % 2 == 0 ? http : second, "10.0.3.1", "alice", "secret-alice").status()).isEqualTo(200);
        }

        assertThat(logIn(http, "10.0.3.1", "alice", "secret-alice").status()).isEqualTo(429);
        assertThat(logIn(second, "10.0.3.1", "alice", "secret-alice").status()).isEqualTo(429);
    }

    @Test
    void failuresOfOneAccountCountOnBothInstances() {
        assertThat(logIn(http, "10.0.4.1", "bob", "wrong-password").status()).isEqualTo(401);
        assertThat(logIn(second, "10.0.4.2", "bob", "wrong-password").status()).isEqualTo(401);
        assertThat(logIn(http, "10.0.4.3", "bob", "wrong-password").status()).isEqualTo(401);

        Http.Response throttled = logIn(second, "10.0.4.4", "bob", "secret-bob");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 600L);
    }

    @Test
    void oneAddressGetsFiveAttemptsThenTooManyRequestsWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(http, "10.0.0.1", "alice", "secret-alice").status()).isEqualTo(200);
        }

        Http.Response throttled = logIn(http, "10.0.0.1", "alice", "secret-alice");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(logIn(http, "10.0.0.2", "alice", "secret-alice").status()).as("another address").isEqualTo(200);
    }

    @Test
    void anAccountIsThrottledAfterThreeFailuresEvenFromNewAddresses() {
        for (int i = 0; i < 3; i++) {
            assertThat(logIn(http, "10.0.1." + i, "bob", "wrong-password").status()).isEqualTo(401);
        }

        Http.Response throttled = logIn(http, "10.0.1.9", "bob", "secret-bob");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(logIn(http, "10.0.1.10", "alice", "secret-alice").status()).as("another account").isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        for (int i = 0; i < 2; i++) {
            assertThat(logIn(http, "10.0.2." + i, "alice", "wrong-password").status()).isEqualTo(401);
        }
        assertThat(logIn(http, "10.0.2.5", "alice", "secret-alice").status()).isEqualTo(200);

        for (int i = 0; i < 2; i++) {
            assertThat(logIn(http, "10.0.2." + (10 + i), "alice", "wrong-password").status()).isEqualTo(401);
        }
        assertThat(logIn(http, "10.0.2.20", "alice", "secret-alice").status()).isEqualTo(200);
    }

    private static Http.Response logIn(Http to, String address, String username, String password) {
        return to.send(HttpRequest.newBuilder(to.uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Http.json(Map.of("username", username, "password", password))))
                .build());
    }
}
