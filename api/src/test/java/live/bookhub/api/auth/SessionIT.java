package live.bookhub.api.auth;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import live.bookhub.api.support.JwtPayload;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Short access tokens, rotating refresh tokens, and what a refresh makes of changes to the account. */
class SessionIT extends ApiIntegrationTest {

    private static final String REFRESH = "bookhub_refresh";

    @Test
    void aLoginGivesAFifteenMinuteTokenAndAnHttpOnlyRefreshCookieForTheAuthPathOnly() {
        Http.Response login = logIn("alice");

        JsonNode claims = JwtPayload.of(login.json().path("token").asString());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
        assertThat(login.json().path("expiresIn").asLong()).isBetween(890L, 900L);
        assertThat(login.json().path("user").path("username").asString()).isEqualTo("alice");
        assertThat(login.setCookie("bookhub_token")).contains("HttpOnly", "SameSite=Lax", "Path=/;", "Max-Age=");
        assertThat(login.setCookie(REFRESH)).contains("HttpOnly", "SameSite=Strict", "Path=/api/auth", "Max-Age=60480");
    }

    @Test
    void onlyAHashOfTheRefreshTokenIsStoredWithItsFamilyUserAndExpiry() {
        String refresh = logIn("alice").cookie(REFRESH);
        String family = refresh.substring(0, refresh.indexOf('.'));
        String secret = refresh.substring(refresh.indexOf('.') + 1);

        Document stored = mongo.getCollection("refresh_tokens").find(new Document("_id", family)).first();

        assertThat(stored).isNotNull();
        assertThat(stored.getString("userId")).isEqualTo(aliceId);
        assertThat(stored.get("expiresAt")).isInstanceOf(Date.class);
        assertThat(stored.toJson()).doesNotContain(secret);
    }

    @Test
    void aRefreshRotatesTheRefreshTokenAndGivesAWorkingAccessToken() {
        String first = logIn("alice").cookie(REFRESH);

        Http.Response refreshed = refresh(first);

        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String second = refreshed.cookie(REFRESH);
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.json().path("user").path("id").asString()).isEqualTo(aliceId);
        assertThat(http.get("/api/auth/profile", refreshed.json().path("token").asString()).status()).isEqualTo(200);
        assertThat(refresh(second).status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesItsFamilyButNotTheUsersOtherSignIns() {
        String stolen = logIn("alice").cookie(REFRESH);
        String otherDevice = logIn("alice").cookie(REFRESH);
        String rotated = refresh(stolen).cookie(REFRESH);

        Http.Response replay = refresh(stolen);

        assertProblem(replay, 401);
        assertThat(refresh(rotated).status()).as("the newer token of the family").isEqualTo(401);
        assertThat(refresh(otherDevice).status()).as("another sign-in").isEqualTo(200);
    }

    @Test
    void ofTwoRefreshesWithOneTokenAtOnceAtMostOneSucceeds() throws Exception {
        String token = logIn("alice").cookie(REFRESH);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Http.Response> first = pool.submit(() -> refresh(token));
            Future<Http.Response> second = pool.submit(() -> refresh(token));
            List<Integer> statuses = List.of(first.get(20, TimeUnit.SECONDS).status(), second.get(20, TimeUnit.SECONDS).status());

            assertThat(statuses).containsOnlyOnce(401);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutRevokesTheFamilyAndExpiresBothCookies() {
        String refresh = logIn("alice").cookie(REFRESH);

        Http.Response logout = http.postWithCookie("/api/auth/logout", REFRESH + "=" + refresh);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.setCookie("bookhub_token")).contains("Max-Age=0");
        assertThat(logout.setCookie(REFRESH)).contains("Max-Age=0", "Path=/api/auth");
        assertThat(refresh(refresh).status()).isEqualTo(401);
    }

    @Test
    void aRoleChangedInTheDatabaseIsInTheNextRefreshedToken() {
        String refresh = logIn("alice").cookie(REFRESH);
        // What a DBA does in mongosh: db.users.updateOne({username: 'alice'}, {$set: {role: 'admin'}})
        setInDatabase("alice", "role", "admin");

        Http.Response promoted = refresh(refresh);
        String adminToken = promoted.json().path("token").asString();
        setInDatabase("alice", "role", "customer");
        Http.Response demoted = refresh(promoted.cookie(REFRESH));

        assertThat(JwtPayload.of(adminToken).path("role").asString()).isEqualTo("admin");
        assertThat(http.get("/api/admin/stats", adminToken).status()).isEqualTo(200);
        assertThat(demoted.json().path("user").path("role").asString()).isEqualTo("customer");
        assertThat(http.get("/api/admin/stats", demoted.json().path("token").asString()).status()).isEqualTo(403);
    }

    @Test
    void aDisabledAccountGetsNoTokenFromRefreshOrLogin() {
        String refresh = logIn("bob").cookie(REFRESH);
        setInDatabase("bob", "disabled", true);

        assertProblem(refresh(refresh), 401);
        Http.Response login = http.post("/api/auth/login", null, credentials("bob"));
        assertProblem(login, 403);
        assertThat(login.json().path("detail").asString()).contains("disabled");
        assertThat(login.cookie(REFRESH)).isNull();
    }

    @Test
    void anAccountWrittenWithoutTheDisabledFieldIsEnabled() {
        mongo.getCollection("users").updateOne(new Document("username", "alice"), new Document("$unset", new Document("disabled", "")));

        Http.Response login = logIn("alice");

        assertThat(login.json().path("user").path("disabled").asBoolean()).isFalse();
        assertThat(refresh(login.cookie(REFRESH)).status()).isEqualTo(200);
    }

    @Test
    void aDeletedAccountGetsNoToken() {
        String refresh = logIn("alice").cookie(REFRESH);
        mongo.getCollection("users").deleteOne(new Document("username", "alice"));

        assertProblem(refresh(refresh), 401);
        assertThat(mongo.getCollection("refresh_tokens").countDocuments(new Document("userId", aliceId))).isZero();
    }

    @Test
    void aRoleChangeThroughTheApiRevokesTheUsersRefreshTokens() {
        String laptop = logIn("alice").cookie(REFRESH);
        String phone = logIn("alice").cookie(REFRESH);

        assertThat(http.patch("/api/admin/users/" + aliceId, adminToken, "{\"role\": \"admin\"}").status()).isEqualTo(200);

        assertThat(refresh(laptop).status()).isEqualTo(401);
        assertThat(refresh(phone).status()).isEqualTo(401);
        assertThat(logIn("alice").json().path("user").path("role").asString()).isEqualTo("admin");
    }

    @Test
    void aDisablingThroughTheApiRevokesTheUsersRefreshTokensSoEnablingAgainDoesNotBringThemBack() {
        String laptop = logIn("alice").cookie(REFRESH);

        assertThat(http.patch("/api/admin/users/" + aliceId, adminToken, "{\"disabled\": true}").status()).isEqualTo(200);
        assertThat(http.patch("/api/admin/users/" + aliceId, adminToken, "{\"disabled\": false}").status()).isEqualTo(200);

        assertThat(refresh(laptop).status()).isEqualTo(401);
        assertThat(logIn("alice").status()).isEqualTo(200);
    }

    @Test
    void aMissingMalformedOrUnknownRefreshTokenIsUnauthorized() {
        assertProblem(refresh(null), 401);
        assertProblem(refresh("not-a-token"), 401);
        assertProblem(refresh("A".repeat(22) + "." + "B".repeat(43)), 401);
    }

    private Http.Response logIn(String username) {
        Http.Response login = http.post("/api/auth/login", null, credentials(username));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login;
    }

    private Http.Response refresh(String token) {
        return http.postWithCookie("/api/auth/refresh", token == null ? null : REFRESH + "=" + token);
    }

    private void setInDatabase(String username, String field, Object value) {
        mongo.getCollection("users").updateOne(new Document("username", username), new Document("$set", new Document(field, value)));
    }

    private static String credentials(String username) {
        return Http.json(Map.of("username", username, "password", "secret-" + username));
    }

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
