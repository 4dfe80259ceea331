package live.bookhub.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The api on a random port over real HTTP, against the shared embedded MongoDB-wire server.
 * Each test starts from empty collections with one admin ({@code admin}, the first sign-up) and
 * two customers ({@code alice}, {@code bob}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bookhub.auth.login-limit.per-ip=100000", "bookhub.auth.bcrypt-strength=4"})
public abstract class ApiIntegrationTest {

    /** The signing key's folder, for a second api instance of the same deployment. */
    protected static final Path KEY_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected Http http;
    protected String adminToken;
    protected String aliceToken;
    protected String bobToken;
    protected String aliceId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", SharedMongo::connectionString);
        registry.add("bookhub.auth.key-dir", KEY_DIR::toString);
    }

    @BeforeEach
    void startFromOneAdminAndTwoCustomers() {
        for (String collection : new String[] {"books", "orders", "users", "refresh_tokens", "login_attempts"}) {
            mongo.remove(new Query(), collection);
        }
        http = new Http(port);
        adminToken = signUp("admin");
        aliceToken = signUp("alice");
        bobToken = signUp("bob");
        aliceId = http.get("/api/auth/profile", aliceToken).json().path("id").asString();
    }

    protected String signUp(String username) {
        Http.Response response = http.post("/api/auth/signup", null, Http.json(Map.of(
                "username", username, "email", username + "@example.com", "password", "secret-" + username)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("token").asString();
    }

    /** A valid book with one field changed or removed (null). */
    protected static String book(Object... overrides) {
        Map<String, Object> book = new java.util.LinkedHashMap<>();
        book.put("title", "The Pragmatic Programmer");
        book.put("author", "David Thomas");
        book.put("price", 3999);
        book.put("stock", 5);
        book.put("genre", "software");
        book.put("year", 2019);
        book.put("isbn", "978-0-13-595705-9");
        book.put("description", "From journeyman to master.");
        book.put("coverUrl", "https://covers.example/pragprog.jpg");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                book.remove((String) overrides[i]);
            } else {
                book.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return Http.json(book);
    }

    protected String createBook(String json) {
        Http.Response response = http.post("/api/books", adminToken, json);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("bookhub-api-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
