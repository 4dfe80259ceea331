package live.bookhub.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.SseClient;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.TestInfra;
import org.junit.jupiter.api.Test;

class SseIT extends GatewayTest {

    @Test
    void anEventSourceReceivesEventsAndResumesWithLastEventId() throws Exception {
        List<String> published = new ArrayList<>();
        String lastEventId;
        try (StreamPublisher publisher = publisher()) {
            try (SseClient first = SseClient.connect(port, "topics=books", Map.of())) {
                assertThat(first.status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(5)).until(() -> !first.ofType("welcome").isEmpty());
                for (int i = 0; i < 5; i++) {
                    published.add(publisher.book(i));
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> first.events().size() == 5);
                SseClient.Record record = first.events().get(0);
                // id: is the position to resume from, <epoch>:<id>
                assertThat(record.id()).isEqualTo(record.data().path("epoch").asString() + ":" + published.get(0));
                assertThat(record.event()).isEqualTo("book:updated");
                assertThat(record.data().path("id").asString()).isEqualTo(published.get(0));
                assertThat(first.ofType("welcome").get(0).id()).isEqualTo(first.ofType("welcome").get(0).data().path("lastEventId").asString());
                assertThat(record.data().path("topic").asString()).isEqualTo("books");
                lastEventId = first.events().get(4).id();
            }
            for (int i = 5; i < 10; i++) {
                published.add(publisher.book(i));
            }
            // What an EventSource sends when it reconnects.
            try (SseClient header = SseClient.connect(port, "topics=books", Map.of("Last-Event-ID", lastEventId));
                 SseClient query = SseClient.connect(port, "topics=books&lastEventId=" + lastEventId, Map.of())) {
                published.add(publisher.book(10));
                for (SseClient client : List.of(header, query)) {
                    await().atMost(Duration.ofSeconds(5)).until(() -> client.events().size() == 6);
                    assertThat(streamIds(client)).containsExactlyElementsOf(published.subList(5, 11));
                }
            }
        }
    }

    @Test
    void sseAppliesTheSameRightsAsTheWebSocket() throws Exception {
        String ada = TestInfra.API_KEY.token("ada", "customer");
        try (SseClient anonymous = SseClient.connect(port, "topics=books,orders:ada", Map.of());
             SseClient customer = SseClient.connect(port, "topics=books,orders:ada&access_token=" + ada, Map.of());
             StreamPublisher publisher = publisher()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !anonymous.ofType("error").isEmpty() && !customer.ofType("welcome").isEmpty());
            assertThat(anonymous.ofType("error").get(0).data().path("topic").asString()).isEqualTo("orders:ada");
            assertThat(customer.ofType("error")).isEmpty();

            String order = publisher.publish("order:created", "orders:ada", "{\"id\":\"o1\"}");
            String book = publisher.book(1);

            await().atMost(Duration.ofSeconds(5)).until(() -> customer.events().size() == 2 && anonymous.events().size() == 1);
            assertThat(streamIds(customer)).containsExactly(order, book);
            assertThat(streamIds(anonymous)).containsExactly(book);
        }
    }

    private static List<String> streamIds(SseClient client) {
        return client.events().stream().map(record -> record.data().path("id").asString()).toList();
    }
}
