package live.bookhub.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import live.bookhub.api.support.ConcurrentCheckouts;
import live.bookhub.api.support.Http;
import live.bookhub.api.system.MongoTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Checkout on a real MongoDB replica set, where it runs in multi-document transactions instead of
 * compensating as on the embedded server. Skipped, with JUnit saying so, where no Docker engine runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bookhub.auth.login-limit.per-ip=100000", "bookhub.auth.bcrypt-strength=4"})
@Testcontainers(disabledWithoutDocker = true)
class TransactionalCheckoutIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @LocalServerPort
    int port;

    @Autowired
    MongoTransactions transactions;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String keyDir = Files.createTempDirectory("bookhub-api-keys").toString();
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("bookhub"));
        registry.add("bookhub.auth.key-dir", () -> keyDir);
    }

    @Test
    void checkoutsRunInTransactionsSellNoMoreThanTheStockAndAreAllOrNothing() throws InterruptedException {
        Http http = new Http(port);
        String admin = signUp(http, "admin");
        List<String> customers = List.of(signUp(http, "alice"), signUp(http, "bob"));
        assertThat(transactions.supported()).isTrue();

        String contested = createBook(http, admin, "Contested", 10);
        List<Http.Response> responses = ConcurrentCheckouts.run(http, customers, cart(Map.of("bookId", contested, "quantity", 1)), 50);
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(10);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(40);
        assertThat(stockOf(http, contested)).isZero();

        String plenty = createBook(http, admin, "Plenty", 5);
        String scarce = createBook(http, admin, "Scarce", 1);
        Http.Response refused = http.post("/api/orders", customers.get(0), cart(
                Map.of("bookId", plenty, "quantity", 2), Map.of("bookId", scarce, "quantity", 2)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(stockOf(http, plenty)).isEqualTo(5);
        assertThat(stockOf(http, scarce)).isEqualTo(1);
    }

    private static String signUp(Http http, String username) {
        Http.Response response = http.post("/api/auth/signup", null, Http.json(Map.of(
                "username", username, "email", username + "@example.com", "password", "secret-" + username)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("token").asString();
    }

    private static String createBook(Http http, String adminToken, String title, int stock) {
        Http.Response response = http.post("/api/books", adminToken, Http.json(Map.of(
                "title", title, "author", "Test Author", "price", 1500, "stock", stock)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    @SafeVarargs
    private static String cart(Map<String, Object>... items) {
        return Http.json(Map.of("items", List.of(items)));
    }

    private static int stockOf(Http http, String bookId) {
        return http.get("/api/books/" + bookId, null).json().path("stock").asInt();
    }
}
