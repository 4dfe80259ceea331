package live.bookhub.api.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.bson.Document;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** The first sign-up of an empty database becomes the admin: once, however many arrive together. */
class FirstAdminIT extends ApiIntegrationTest {

    private static final int SIGN_UPS = 20;

    @RepeatedTest(3)
    void twentySimultaneousSignUpsOnAnEmptyDatabaseMakeExactlyOneAdmin() throws Exception {
        mongo.remove(new Query(), "users");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Http.Response>> signUps = new ArrayList<>();
        for (int i = 0; i < SIGN_UPS; i++) {
            String name = "early" + i;
            signUps.add(() -> {
                start.await();
                return http.post("/api/auth/signup", null,
                        Http.json(Map.of("username", name, "email", name + "@example.com", "password", "long-enough")));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(SIGN_UPS);
        List<Http.Response> responses = new ArrayList<>();
        try {
            List<Future<Http.Response>> futures = signUps.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(201));
        assertThat(responses.stream().filter(response -> response.json().path("user").path("role").asString().equals("admin")))
                .hasSize(1);
        assertThat(mongo.getCollection("users").countDocuments()).isEqualTo(SIGN_UPS);
        assertThat(mongo.getCollection("users").countDocuments(new Document("role", "admin"))).isEqualTo(1);
    }
}
