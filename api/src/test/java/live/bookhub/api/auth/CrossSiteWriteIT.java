package live.bookhub.api.auth;

import java.net.http.HttpRequest;
import java.util.Map;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes a browser makes from another site with the user's cookies (a form or a fetch on
 * evil.example posting to the api) are refused before they do anything; the same writes from the
 * api's own pages, and Bearer-token writes from anywhere, go through.
 */
class CrossSiteWriteIT extends ApiIntegrationTest {

    private static final String EVIL = "https://evil.example";

    @Test
    void aCookieAuthenticatedWriteFromAnotherSiteIsRefused() {
        String bookId = createBook(book());

        Http.Response order = send("POST", "/api/orders", "bookhub_token=" + aliceToken, cart(bookId), "cross-site", EVIL);
        Http.Response delete = send("DELETE", "/api/books/" + bookId, "bookhub_token=" + adminToken, null, "cross-site", EVIL);

        assertForbidden(order);
        assertForbidden(delete);
        assertThat(mongo.getCollection("orders").countDocuments()).isZero();
        assertThat(http.get("/api/books/" + bookId, null).status()).isEqualTo(200);
    }

    @Test
    void aSiblingSubdomainIsAnotherSiteToo() {
        String bookId = createBook(book());

        assertForbidden(send("POST", "/api/orders", "bookhub_token=" + aliceToken, cart(bookId), "same-site", "https://blog.bookhub.test"));
    }

    @Test
    void refreshAndLogoutFromAnotherSiteAreRefusedAndLeaveTheSessionAlone() {
        String refresh = logIn("alice").cookie("bookhub_refresh");

        assertForbidden(send("POST", "/api/auth/logout", "bookhub_refresh=" + refresh, null, "cross-site", EVIL));
        assertForbidden(send("POST", "/api/auth/refresh", "bookhub_refresh=" + refresh, null, "cross-site", EVIL));

        assertThat(http.postWithCookie("/api/auth/refresh", "bookhub_refresh=" + refresh).status()).isEqualTo(200);
    }

    @Test
    void aLoginFromAnotherSiteIsRefused() {
        assertForbidden(send("POST", "/api/auth/login", null, credentials("alice"), "cross-site", EVIL));
    }

    @Test
    void aBrowserWithoutFetchMetadataIsJudgedByItsOrigin() {
        String bookId = createBook(book());

        assertForbidden(send("POST", "/api/orders", "bookhub_token=" + aliceToken, cart(bookId), null, EVIL));
        assertForbidden(send("POST", "/api/orders", "bookhub_token=" + aliceToken, cart(bookId), null, "null"));
        assertThat(send("POST", "/api/orders", "bookhub_token=" + aliceToken, cart(bookId), null, "http://127.0.0.1:" + port)
                .status()).isEqualTo(201);
    }

    @Test
    void theApisOwnPagesWriteWithCookies() {
        String bookId = createBook(book());

        Http.Response order = send("POST", "/api/orders", "bookhub_token=" + aliceToken, cart(bookId), "same-origin",
                "http://127.0.0.1:" + port);

        assertThat(order.status()).as(order.toString()).isEqualTo(201);
    }

    @Test
    void bearerTokenWritesFromAnywhereAreUnaffected() {
        String bookId = createBook(book());
        HttpRequest request = HttpRequest.newBuilder(http.uri("/api/orders"))
                .header("Authorization", "Bearer " + aliceToken)
                .header("Content-Type", "application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Origin", EVIL)
                .POST(HttpRequest.BodyPublishers.ofString(cart(bookId))).build();

        assertThat(http.send(request).status()).isEqualTo(201);
    }

    private Http.Response send(String method, String path, String cookie, String json, String fetchSite, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return http.send(request.header("Origin", origin).build());
    }

    private Http.Response logIn(String username) {
        return http.post("/api/auth/login", null, credentials(username));
    }

    private static String credentials(String username) {
        return Http.json(Map.of("username", username, "password", "secret-" + username));
    }

    private static String cart(String bookId) {
        return "{\"items\": [{\"bookId\": \"" + bookId + "\", \"quantity\": 1}]}";
    }

    private static void assertForbidden(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
