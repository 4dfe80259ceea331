package live.bookhub.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.JwtPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tokens an attacker can make, each claiming {@code role: admin} for alice, sent to an admin-only
 * route: a token the api accepted would answer 200 there; a refused one leaves the caller
 * anonymous (401). The same token minted properly is the control that gets 200.
 */
class TokenAttacksIT extends ApiIntegrationTest {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    @Autowired
    SigningKeys keys;

    @Autowired
    AuthProperties properties;

    static Stream<Arguments> attacks() {
        return Stream.of(
                arguments("alg none", (Attack) test -> test.unsigned()),
                arguments("HS256 signed with the public key as the secret", (Attack) test -> test.hs256WithThePublicKey()),
                arguments("an unknown kid, signed with the real key", (Attack) test -> test.signed(test.keys.privateKey(),
                        token -> token.header().keyId("rotated-away").and())),
                arguments("another deployment's key under its own kid", (Attack) test -> test.signed(otherKey(),
                        token -> token.header().keyId("other-deployment").and())),
                arguments("another deployment's key under our kid", (Attack) test -> test.signed(otherKey(), UnaryOperator.identity())),
                arguments("wrong iss", (Attack) test -> test.signed(test.keys.privateKey(), token -> token.issuer("someone-else"))),
                arguments("no iss", (Attack) test -> test.signed(test.keys.privateKey(), token -> token.issuer(null))),
                arguments("wrong aud", (Attack) test -> test.signed(test.keys.privateKey(),
                        token -> token.audience().single("another-service"))),
                arguments("no aud", (Attack) test -> test.signed(test.keys.privateKey(), token -> token.audience().single(null))),
                arguments("no exp", (Attack) test -> test.signed(test.keys.privateKey(), token -> token.expiration(null))),
                arguments("expired by one second", (Attack) test -> test.signed(test.keys.privateKey(),
                        token -> token.expiration(Date.from(Instant.now().minusSeconds(1))))),
                arguments("not yet valid", (Attack) test -> test.signed(test.keys.privateKey(),
                        token -> token.notBefore(Date.from(Instant.now().plus(Duration.ofMinutes(1)))))),
                arguments("a customer's real token with role forged to admin", (Attack) test -> test.forgedRole()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anAttackTokenIsRefused(String name, Attack attack) {
        String token = attack.token(this);

        assertThat(http.get("/api/admin/stats", token).status()).isEqualTo(401);
        assertThat(http.post("/api/books", token, book()).status()).isEqualTo(401);
        assertThat(mongo.getCollection("books").countDocuments()).isZero();
    }

    @Test
    void theControlTokenMintedProperlyIsAccepted() {
        String token = signed(keys.privateKey(), UnaryOperator.identity());

        assertThat(http.get("/api/admin/stats", token).status()).isEqualTo(200);
    }

    @FunctionalInterface
    interface Attack {
        String token(TokenAttacksIT test);
    }

    /** What the api issues, claiming admin for alice, changed by {@code change} and signed RS256 with {@code key}. */
    private String signed(PrivateKey key, UnaryOperator<JwtBuilder> change) {
        return change.apply(claims()).signWith(key, Jwts.SIG.RS256).compact();
    }

    private JwtBuilder claims() {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(keys.keyId()).and()
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .subject(aliceId)
                .claim("name", "alice")
                .claim("role", "admin")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private String unsigned() {
        String header = "{\"alg\":\"none\",\"kid\":\"" + keys.keyId() + "\"}";
        String payload = "{\"iss\":\"" + properties.issuer() + "\",\"aud\":\"" + properties.audience() + "\",\"sub\":\"" + aliceId
                + "\",\"role\":\"admin\",\"exp\":" + Instant.now().plusSeconds(300).getEpochSecond() + "}";
        return encode(header) + "." + encode(payload) + ".";
    }

    /** The classic confusion: a verifier that takes the key for a secret would check HS256 with the public PEM. */
    private String hs256WithThePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return claims().signWith(Keys.hmacShaKeyFor(pem.getBytes(StandardCharsets.US_ASCII)), Jwts.SIG.HS256).compact();
    }

    private String forgedRole() {
        String[] parts = aliceToken.split("\\.");
        assertThat(JwtPayload.of(aliceToken).path("role").asString()).isEqualTo("customer");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"customer\"", "\"role\":\"admin\"");
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
