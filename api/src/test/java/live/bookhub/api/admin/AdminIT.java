package live.bookhub.api.admin;

import java.util.List;
import java.util.Map;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AdminIT extends ApiIntegrationTest {

    @Test
    void statsCountBooksLowStockUsersAndOrdersByStatus() {
        String cheap = createBook(book("stock", 10, "price", 1000, "isbn", null));
        createBook(book("stock", 2, "title", "Almost gone", "isbn", null));
        String paidOrder = order(aliceToken, cheap, 2);
        order(bobToken, cheap, 1);
        String cancelled = order(bobToken, cheap, 3);
        assertThat(status(paidOrder, "paid").status()).isEqualTo(200);
        assertThat(status(cancelled, "cancelled").status()).isEqualTo(200);

        JsonNode stats = http.get("/api/admin/stats", adminToken).json();

        assertThat(stats.path("books").path("total").asInt()).isEqualTo(2);
        assertThat(stats.path("books").path("lowStock").asInt()).isEqualTo(1);
        assertThat(stats.path("books").path("lowStockBooks").get(0).path("title").asString()).isEqualTo("Almost gone");
        assertThat(stats.path("users").path("total").asInt()).isEqualTo(3);
        assertThat(stats.path("users").path("admins").asInt()).isEqualTo(1);
        JsonNode byStatus = stats.path("orders").path("byStatus");
        assertThat(byStatus.path("paid").path("orders").asInt()).isEqualTo(1);
        assertThat(byStatus.path("paid").path("revenue").asInt()).isEqualTo(2000);
        assertThat(byStatus.path("pending").path("orders").asInt()).isEqualTo(1);
        assertThat(byStatus.path("cancelled").path("orders").asInt()).isEqualTo(1);
        assertThat(byStatus.path("shipped").path("orders").asInt()).isZero();
        assertThat(stats.path("orders").path("total").asInt()).isEqualTo(3);
        assertThat(stats.path("orders").path("revenue").asInt()).as("cancelled orders earn nothing").isEqualTo(3000);
        assertThat(stats.path("today").path("orders").asInt()).isEqualTo(2);
        assertThat(stats.path("today").path("revenue").asInt()).isEqualTo(3000);
    }

    @Test
    void adminsListUsersWithoutPasswordHashes() {
        JsonNode page = http.get("/api/admin/users?size=2", adminToken).json();

        assertThat(page.path("totalItems").asInt()).isEqualTo(3);
        assertThat(page.path("totalPages").asInt()).isEqualTo(2);
        assertThat(page.path("items").valueStream().map(user -> user.path("username").asString())).containsExactly("admin", "alice");
        assertThat(page.toString()).doesNotContain("passwordHash", "$2");
    }

    @Test
    void anAdminPromotesACustomerWhoseNextTokenCarriesTheRole() {
        Http.Response promoted = http.patch("/api/admin/users/" + aliceId, adminToken, "{\"role\": \"admin\"}");

        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.json().path("role").asString()).isEqualTo("admin");
        String token = http.post("/api/auth/login", null, Http.json(Map.of("username", "alice", "password", "secret-alice")))
                .json().path("token").asString();
        assertThat(http.get("/api/admin/stats", token).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"role\": \"customer\"}|role", "{\"disabled\": true}|disabled"})
    void theLastAdminCannotBeDemotedOrDisabled(String change, String field) {
        String adminId = http.get("/api/auth/profile", adminToken).json().path("id").asString();

        Http.Response refused = http.patch("/api/admin/users/" + adminId, adminToken, change);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.fields()).containsExactly(field);
        Http.Response login = logIn("admin");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("user").path("role").asString()).isEqualTo("admin");
    }

    @Test
    void anAdminCanBeDemotedOnlyWhileAnotherAdminWhoIsNotDisabledRemains() {
        String adminId = http.get("/api/auth/profile", adminToken).json().path("id").asString();
        http.patch("/api/admin/users/" + aliceId, adminToken, "{\"role\": \"admin\", \"disabled\": true}");

        Http.Response refused = http.patch("/api/admin/users/" + adminId, adminToken, "{\"role\": \"customer\"}");
        http.patch("/api/admin/users/" + aliceId, adminToken, "{\"disabled\": false}");
        Http.Response demoted = http.patch("/api/admin/users/" + adminId, adminToken, "{\"role\": \"customer\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.fields()).containsExactly("role");
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(mongo.getCollection("users").countDocuments(new org.bson.Document("role", "admin"))).isEqualTo(1);
    }

    @Test
    void anAdminDisablesAnAccountWhichCannotLogInUntilEnabledAgain() {
        Http.Response disabled = http.patch("/api/admin/users/" + aliceId, adminToken, "{\"disabled\": true}");

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
        assertThat(disabled.json().path("role").asString()).isEqualTo("customer");
        assertThat(logIn("alice").status()).isEqualTo(403);
        assertThat(mongo.getCollection("refresh_tokens").countDocuments(new org.bson.Document("userId", aliceId))).isZero();

        assertThat(http.patch("/api/admin/users/" + aliceId, adminToken, "{\"disabled\": false}").status()).isEqualTo(200);
        assertThat(logIn("alice").status()).isEqualTo(200);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveAnAdmin() throws Exception {
        String adminId = http.get("/api/auth/profile", adminToken).json().path("id").asString();
        http.patch("/api/admin/users/" + aliceId, adminToken, "{\"role\": \"admin\"}");
        String aliceAdminToken = http.post("/api/auth/login", null,
                Http.json(Map.of("username", "alice", "password", "secret-alice"))).json().path("token").asString();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> http.patch("/api/admin/users/" + aliceId, adminToken, "{\"role\": \"customer\"}"));
            var second = pool.submit(() -> http.patch("/api/admin/users/" + adminId, aliceAdminToken, "{\"role\": \"customer\"}"));
            first.get(20, java.util.concurrent.TimeUnit.SECONDS);
            second.get(20, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(mongo.getCollection("users").countDocuments(new org.bson.Document("role", "admin"))).isPositive();
    }

    private Http.Response logIn(String username) {
        return http.post("/api/auth/login", null, Http.json(Map.of("username", username, "password", "secret-" + username)));
    }

    private String order(String token, String bookId, int quantity) {
        Http.Response placed = http.post("/api/orders", token,
                Http.json(Map.of("items", List.of(Map.of("bookId", bookId, "quantity", quantity)))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().path("id").asString();
    }

    private Http.Response status(String orderId, String status) {
        return http.patch("/api/orders/" + orderId + "/status", adminToken, Http.json(Map.of("status", status)));
    }
}
