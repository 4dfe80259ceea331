package live.bookhub.infra;

import static live.bookhub.infra.support.Events.assertIdsIncrease;
import static live.bookhub.infra.support.Events.ids;
import static live.bookhub.infra.support.Events.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SystemTest
class LivePipelineIT {

    private static final Duration LIVE = Duration.ofSeconds(2);

    private final LocalStack stack;
    private final Api api;

    LivePipelineIT(LocalStack stack) {
        this.stack = stack;
        this.api = Api.admin(stack.api().baseUrl());
    }

    @Test
    void aBookChangedThroughRestReachesClientsOnBothGateways() {
        try (LiveClient first = LiveClient.connect(stack.gateways().get(0).port(), "topics=books");
             LiveClient second = LiveClient.connect(stack.gateways().get(1).port(), "topics=books")) {
            String title = Api.unique("Dune");
            String id = api.createBook(Api.book(title)).path("id").asString();
            awaitEvents(id, 1, first, second);
            api.patchBook(id, Api.json().put("price", 999).put("stock", 0));
            awaitEvents(id, 2, first, second);
            api.deleteBook(id);
            awaitEvents(id, 3, first, second);

            for (LiveClient client : List.of(first, second)) {
                List<JsonNode> events = client.eventsFor(id);
                assertThat(types(events)).containsExactly("book:created", "book:updated", "book:deleted");
                assertThat(events).allSatisfy(event -> assertThat(event.path("topic").asString()).isEqualTo("books"));
                assertThat(events.get(0).path("data").path("title").asString()).isEqualTo(title);
                assertThat(events.get(0).path("data").path("price").asInt()).isEqualTo(1299);
                assertThat(events.get(1).path("data").path("price").asInt()).isEqualTo(999);
                assertThat(events.get(1).path("data").path("stock").asInt()).isZero();
                assertThat(events.get(1).path("changed").toString()).contains("price", "stock");
                assertIdsIncrease(events);
            }
            assertThat(ids(first.eventsFor(id))).isEqualTo(ids(second.eventsFor(id)));
        }
    }

    @Test
    void aBookChangedByMongoshReachesClients() {
        try (LiveClient client = LiveClient.connect(stack.gateways().get(1).port(), "topics=books")) {
            String title = Api.unique("Shell Book");
            String id = lastLine(Mongosh.eval(stack.mongoUri(), "print(db.books.insertOne({title: '" + title
                    + "', author: 'A DBA', price: 500, stock: 2}).insertedId.toHexString())"));
            awaitEvents(id, 1, client);
            Mongosh.eval(stack.mongoUri(), "db.books.updateOne({_id: ObjectId('" + id + "')}, {$set: {price: 650}})");
            awaitEvents(id, 2, client);
            Mongosh.eval(stack.mongoUri(), "db.books.deleteOne({_id: ObjectId('" + id + "')})");
            awaitEvents(id, 3, client);

            List<JsonNode> events = client.eventsFor(id);
            assertThat(types(events)).containsExactly("book:created", "book:updated", "book:deleted");
            assertThat(events.get(0).path("data").path("title").asString()).isEqualTo(title);
            assertThat(events.get(1).path("data").path("price").asInt()).isEqualTo(650);
            assertThat(events.get(1).path("changed").toString()).contains("price");
            assertThat(events.get(2).path("data").path("id").asString()).isEqualTo(id);
            assertIdsIncrease(events);
        }
    }

    private static void awaitEvents(String id, int count, LiveClient... clients) {
        await().atMost(LIVE).untilAsserted(() -> {
            for (LiveClient client : clients) {
                assertThat(client.eventsFor(id)).hasSize(count);
            }
        });
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\\R");
        return lines[lines.length - 1].trim();
    }
}
