package live.bookhub.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import live.bookhub.gateway.support.JwksServer;
import live.bookhub.gateway.support.MutableClock;
import live.bookhub.gateway.support.SigningKey;
import live.bookhub.gateway.support.TestProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private final SigningKey apiKey = SigningKey.generate();
    private final JwksServer jwks = JwksServer.start(apiKey);
    private final MutableClock clock = new MutableClock();
    private final TokenVerifier verifier = new TokenVerifier(new JwksKeys(TestProperties.of(Map.of(
            "jwks-uri", jwks.uri(), "jwks-cache-ttl", "5m", "jwks-refresh-interval", "30s")), clock), TestProperties.token(), clock);

    @AfterEach
    void stopJwks() {
        jwks.close();
    }

    @Test
    void aTokenSignedByThePublishedKeyNamesItsUserAndRole() {
        Authentication authentication = verifier.verify(apiKey.token("ada", "customer"));

        assertThat(authentication.viewer()).isEqualTo(new Viewer("ada", "customer"));
        assertThat(authentication.rejection()).isNull();
    }

    @Test
    void anExpiredTokenIsRefusedAndSaysSo() {
        Authentication authentication = verifier.verify(apiKey.token("ada", "admin", Instant.now().minus(Duration.ofMinutes(5))));

        assertThat(authentication.viewer()).isEqualTo(Viewer.ANONYMOUS);
        assertThat(authentication.rejection()).contains("expired");
    }

    @Test
    void aTokenForgedWithAnotherKeyUnderThePublishedKeyIdIsRefused() {
        SigningKey forger = SigningKey.generate(apiKey.keyId());

        Authentication authentication = verifier.verify(forger.token("ada", "admin"));

        assertThat(authentication.viewer()).isEqualTo(Viewer.ANONYMOUS);
        assertThat(authentication.rejection()).contains("not valid");
    }

    @Test
    void aTokenWithAnUnknownKeyIdIsRefusedAndDoesNotMakeEveryHandshakeReadTheJwks() {
        SigningKey stranger = SigningKey.generate();
        verifier.verify(apiKey.token("ada", "customer"));

        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify(stranger.token("ada", "admin")).viewer()).isEqualTo(Viewer.ANONYMOUS);
        }
        assertThat(jwks.reads()).isEqualTo(1);
    }

    @Test
    void theJwksIsReadOnFirstUseAndThenCached() {
        assertThat(jwks.reads()).isZero();

        for (int i = 0; i < 10; i++) {
            verifier.verify(apiKey.token("user" + i, "customer"));
        }

        assertThat(jwks.reads()).isEqualTo(1);
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesItsId() {
        verifier.verify(apiKey.token("ada", "customer"));
        SigningKey rotated = SigningKey.generate();
        jwks.publish(rotated);
        clock.advance(Duration.ofSeconds(31));

        assertThat(verifier.verify(rotated.token("ada", "customer")).viewer()).isEqualTo(new Viewer("ada", "customer"));
        assertThat(jwks.reads()).isEqualTo(2);
    }

    @Test
    void garbageAndMissingTokensLeaveTheViewerAnonymous() {
        assertThat(verifier.verify("not.a.jwt").viewer()).isEqualTo(Viewer.ANONYMOUS);
        assertThat(verifier.verify(null)).isEqualTo(Authentication.NO_TOKEN);
    }
}
