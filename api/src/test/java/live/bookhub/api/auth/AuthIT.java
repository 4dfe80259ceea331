package live.bookhub.api.auth;

import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AuthIT extends ApiIntegrationTest {

    @Test
    void theFirstAccountIsAnAdminAndLaterOnesAreCustomers() {
        assertThat(http.get("/api/auth/profile", adminToken).json().path("role").asString()).isEqualTo("admin");
        assertThat(http.get("/api/auth/profile", aliceToken).json().path("role").asString()).isEqualTo("customer");
    }

    @Test
    void signupAnswersTheTokenTheUserAndAnHttpOnlyCookie() {
        Http.Response response = http.post("/api/auth/signup", null,
                Http.json(Map.of("username", "Carol", "email", "Carol@Example.com", "password", "long-enough")));

        assertThat(response.status()).isEqualTo(201);
        JsonNode user = response.json().path("user");
        assertThat(user.path("username").asString()).isEqualTo("carol");
        assertThat(user.path("email").asString()).isEqualTo("carol@example.com");
        assertThat(user.has("passwordHash")).isFalse();
        assertThat(response.header("Set-Cookie")).startsWith("bookhub_token=" + response.json().path("token").asString())
                .contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=");
        assertThat(mongo.getCollection("users").find(new org.bson.Document("username", "carol")).first()
                .getString("passwordHash")).startsWith("$2");
    }

    @Test
    void aTakenUsernameOrEmailIsAConflictNamingTheField() {
        Http.Response sameName = http.post("/api/auth/signup", null,
                Http.json(Map.of("username", "ALICE", "email", "other@example.com", "password", "long-enough")));
        Http.Response sameEmail = http.post("/api/auth/signup", null,
                Http.json(Map.of("username", "alice2", "email", "alice@example.com", "password", "long-enough")));

        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.fields()).containsExactly("username");
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.fields()).containsExactly("email");
    }

    @Test
    void loginWithUsernameOrEmailReturnsAWorkingToken() {
        Http.Response byName = http.post("/api/auth/login", null, Http.json(Map.of("username", "alice", "password", "secret-alice")));
        Http.Response byEmail = http.post("/api/auth/login", null,
                Http.json(Map.of("username", "ALICE@example.com", "password", "secret-alice")));

        assertThat(byName.status()).isEqualTo(200);
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(http.get("/api/auth/profile", byName.json().path("token").asString()).json().path("username").asString())
                .isEqualTo("alice");
    }

    @Test
    void aWrongPasswordOrUnknownUserIsUnauthorized() {
        Http.Response wrong = http.post("/api/auth/login", null, Http.json(Map.of("username", "alice", "password", "nope-nope")));
        Http.Response unknown = http.post("/api/auth/login", null, Http.json(Map.of("username", "nobody", "password", "nope-nope")));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().path("detail").asString()).isEqualTo(unknown.json().path("detail").asString());
    }

    @Test
    void theCookieAuthenticatesAndLogoutExpiresIt() {
        Http.Response profile = http.send(HttpRequest.newBuilder(http.uri("/api/auth/profile"))
                .header("Cookie", "bookhub_token=" + aliceToken).GET().build());
        Http.Response logout = http.post("/api/auth/logout", aliceToken, null);

        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().path("username").asString()).isEqualTo("alice");
        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).startsWith("bookhub_token=;").contains("Max-Age=0");
    }

    @Test
    void aForgedOrMissingTokenCannotReadTheProfile() {
        String forged = aliceToken.substring(0, aliceToken.lastIndexOf('.') + 1) + "AAAA";

        assertThat(http.get("/api/auth/profile", forged).status()).isEqualTo(401);
        assertThat(http.get("/api/auth/profile", null).status()).isEqualTo(401);
    }

    @Test
    void tokensVerifyAgainstThePublishedJwks() throws Exception {
        Http.Response jwks = http.get("/.well-known/jwks.json", null);

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Cache-Control")).contains("max-age=300", "public");
        JsonNode key = jwks.json().path("keys").get(0);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                unsigned(key.path("n").asString()), unsigned(key.path("e").asString())));

        Jws<Claims> token = Jwts.parser().verifyWith(publicKey).build().parseSignedClaims(aliceToken);

        assertThat(token.getHeader().getKeyId()).isEqualTo(key.path("kid").asString());
        assertThat(token.getHeader().getAlgorithm()).isEqualTo("RS256");
        assertThat(token.getPayload().getSubject()).isEqualTo(aliceId);
        assertThat(token.getPayload().get("name", String.class)).isEqualTo("alice");
        assertThat(token.getPayload().get("role", String.class)).isEqualTo("customer");
        assertThat(token.getPayload().getExpiration()).isInTheFuture();
    }

    private static BigInteger unsigned(String base64Url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
    }
}
