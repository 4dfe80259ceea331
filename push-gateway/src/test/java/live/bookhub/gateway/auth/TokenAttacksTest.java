package live.bookhub.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import live.bookhub.gateway.support.JwksServer;
import live.bookhub.gateway.support.MutableClock;
import live.bookhub.gateway.support.SigningKey;
import live.bookhub.gateway.support.TestProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tokens an attacker can make, each claiming {@code admin}: every one leaves the connection
 * anonymous, with a reason. The same token minted properly by the published key is the control.
 */
class TokenAttacksTest {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey apiKey = SigningKey.generate();
    private final JwksServer jwks = JwksServer.start(apiKey);
    private final MutableClock clock = new MutableClock();
    private final TokenVerifier verifier = new TokenVerifier(new JwksKeys(TestProperties.of(Map.of("jwks-uri", jwks.uri())), clock), TestProperties.token(), clock);

    @AfterEach
    void stopJwks() {
        jwks.close();
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                arguments("alg none", attack(test -> test.unsigned())),
                arguments("HS256 signed with the public key as the secret", attack(test -> test.hs256WithThePublicKey())),
                arguments("an unknown kid, signed with the real key", attack(test -> test.signed(test.apiKey,
                        token -> token.header().keyId("rotated-away").and()))),
                arguments("another deployment's key under its own kid", attack(test -> test.signed(SigningKey.generate(),
                        UnaryOperator.identity()))),
                arguments("another deployment's key under the published kid", attack(test -> test.signed(
                        SigningKey.generate(test.apiKey.keyId()), UnaryOperator.identity()))),
                arguments("wrong iss", attack(test -> test.signed(test.apiKey, token -> token.issuer("someone-else")))),
                arguments("no iss", attack(test -> test.signed(test.apiKey, token -> token.issuer(null)))),
                arguments("wrong aud", attack(test -> test.signed(test.apiKey, token -> token.audience().single("another-service")))),
                arguments("no aud", attack(test -> test.signed(test.apiKey, token -> token.audience().single(null)))),
                arguments("no exp", attack(test -> test.signed(test.apiKey, token -> token.expiration(null)))),
                arguments("expired by one second", attack(test -> test.signed(test.apiKey,
                        token -> token.expiration(Date.from(test.clock.instant().minusSeconds(1)))))),
                arguments("not yet valid", attack(test -> test.signed(test.apiKey,
                        token -> token.notBefore(Date.from(test.clock.instant().plus(Duration.ofMinutes(1))))))),
                arguments("a customer's real token with role forged to admin", attack(test -> test.forgedRole())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anAttackTokenLeavesTheConnectionAnonymous(String name, Function<TokenAttacksTest, String> attack) {
        Authentication authentication = verifier.verify(attack.apply(this));

        assertThat(authentication.viewer()).isEqualTo(Viewer.ANONYMOUS);
        assertThat(authentication.rejection()).isNotBlank();
    }

    @Test
    void theControlTokenMintedProperlyIsAccepted() {
        assertThat(verifier.verify(signed(apiKey, UnaryOperator.identity())).viewer()).isEqualTo(new Viewer("ada", "admin"));
    }

    private static Function<TokenAttacksTest, String> attack(Function<TokenAttacksTest, String> attack) {
        return attack;
    }

    private String signed(SigningKey key, UnaryOperator<JwtBuilder> change) {
        return key.token("ada", "admin", clock.instant().plus(Duration.ofMinutes(5)), change);
    }

    private String unsigned() {
        String header = "{\"alg\":\"none\",\"kid\":\"" + apiKey.keyId() + "\"}";
        String payload = "{\"iss\":\"bookhub-api\",\"aud\":\"bookhub\",\"sub\":\"ada\",\"role\":\"admin\",\"exp\":"
                + clock.instant().plusSeconds(300).getEpochSecond() + "}";
        return encode(header) + "." + encode(payload) + ".";
    }

    /** The classic confusion: a verifier that takes the key for a secret would check HS256 with the public PEM. */
    private String hs256WithThePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(apiKey.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return Jwts.builder()
                .header().keyId(apiKey.keyId()).and()
                .issuer("bookhub-api").audience().add("bookhub").and()
                .subject("ada").claim("role", "admin")
                .expiration(Date.from(clock.instant().plus(Duration.ofMinutes(5))))
                .signWith(Keys.hmacShaKeyFor(pem.getBytes(StandardCharsets.US_ASCII)), Jwts.SIG.HS256)
                .compact();
    }

    private String forgedRole() {
        String[] parts = apiKey.token("ada", "customer", clock.instant().plus(Duration.ofMinutes(5))).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"customer\"", "\"role\":\"admin\"");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    private static String encode(String json) {
        return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
