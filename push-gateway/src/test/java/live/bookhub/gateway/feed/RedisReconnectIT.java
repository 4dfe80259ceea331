package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RedisReconnectIT extends GatewayTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void theGatewayIsReadyOnlyWhileItsRedisSubscriptionIsActive() {
        await().atMost(Duration.ofSeconds(15)).until(() -> readiness() == 200);
        INFRA.redis().stop();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> readiness() == 503);
        } finally {
            INFRA.redis().start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
    }

    private int readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void whatWasPublishedWhileTheGatewaysPubSubConnectionWasDownReachesItsClientsFromTheStream() {
        double resubscribesBefore = meters.counter("bookhub.gateway.redis.resubscribes").count();
        double gapEventsBefore = meters.counter("bookhub.gateway.redis.gap.events").count();
        List<String> published = new ArrayList<>();
        try (WsClient first = connect("topics=books");
             WsClient second = connect("topics=books");
             StreamPublisher publisher = publisher()) {
            for (int i = 0; i < 50; i++) {
                published.add(publisher.book(i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> first.events().size() == 50);

            // The kill returns once Redis dropped the connection; these events are published before
            // Lettuce can notice, reconnect and subscribe again, so pub/sub never carries them to this gateway.
            publisher.killPubSubClients();
            for (int i = 50; i < 250; i++) {
                published.add(publisher.book(i));
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> meters.counter("bookhub.gateway.redis.resubscribes").count() > resubscribesBefore);
            for (int i = 250; i < 300; i++) {
                published.add(publisher.book(i));
            }

            for (WsClient client : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(15)).until(() -> client.events().size() >= published.size());
                assertThat(client.eventIds()).containsExactlyElementsOf(published);
            }
            assertThat(meters.counter("bookhub.gateway.redis.gap.events").count()).isGreaterThan(gapEventsBefore);
        }
    }
}
