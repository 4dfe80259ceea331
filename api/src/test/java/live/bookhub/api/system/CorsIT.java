package live.bookhub.api.system;

import java.net.http.HttpRequest;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "bookhub.http.allowed-origins=https://shop.example")
class CorsIT extends ApiIntegrationTest {

    @Test
    void anAllowedOriginPassesThePreflightWithCredentials() {
        Http.Response preflight = http.send(HttpRequest.newBuilder(http.uri("/api/orders"))
                .header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    }

    @Test
    void anAllowedOriginWritesWithTheUsersCookie() {
        String bookId = createBook(book());
        Http.Response order = http.send(HttpRequest.newBuilder(http.uri("/api/orders"))
                .header("Origin", "https://shop.example")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Cookie", "bookhub_token=" + aliceToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\": [{\"bookId\": \"" + bookId + "\", \"quantity\": 1}]}"))
                .build());

        assertThat(order.status()).as(order.toString()).isEqualTo(201);
    }

    @Test
    void anotherOriginIsRefused() {
        Http.Response preflight = http.send(HttpRequest.newBuilder(http.uri("/api/orders"))
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }
}
