package live.bookhub.api.auth;

import java.net.http.HttpRequest;
import java.util.Map;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test logs in from its own client address (X-Forwarded-For from the local proxy), so counters do not mix. */
@TestPropertySource(properties = {"bookhub.auth.login-limit.per-ip=5", "bookhub.auth.login-limit.per-account=3",
        "bookhub.auth.login-limit.window=10m"})
class LoginRateLimitIT extends ApiIntegrationTest {

    @Test
    void oneAddressGetsFiveAttemptsThenTooManyRequestsWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(logIn("10.0.0.1", "alice", "secret-alice").status()).isEqualTo(200);
        }

        Http.Response throttled = logIn("10.0.0.1", "alice", "secret-alice");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(logIn("10.0.0.2", "alice", "secret-alice").status()).as("another address").isEqualTo(200);
    }

    @Test
    void anAccountIsThrottledAfterThreeFailuresEvenFromNewAddresses() {
        for (int i = 0; i < 3; i++) {
            assertThat(logIn("10.0.1." + i, "bob", "wrong-password").status()).isEqualTo(401);
        }

        Http.Response throttled = logIn("10.0.1.9", "bob", "secret-bob");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(logIn("10.0.1.10", "alice", "secret-alice").status()).as("another account").isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        for (int i = 0; i < 2; i++) {
            assertThat(logIn("10.0.2." + i, "alice", "wrong-password").status()).isEqualTo(401);
        }
        assertThat(logIn("10.0.2.5", "alice", "secret-alice").status()).isEqualTo(200);

        for (int i = 0; i < 2; i++) {
            assertThat(logIn("10.0.2." + (10 + i), "alice", "wrong-password").status()).isEqualTo(401);
        }
        assertThat(logIn("10.0.2.20", "alice", "secret-alice").status()).isEqualTo(200);
    }

    private Http.Response logIn(String address, String username, String password) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Http.json(Map.of("username", username, "password", password))))
                .build());
    }
}
