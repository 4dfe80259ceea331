package live.bookhub.infra;

import static live.bookhub.infra.support.Events.assertIdsIncrease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SystemTest
class ResumeIT {

    private final LocalStack stack;
    private final Api api;

    ResumeIT(LocalStack stack) {
        this.stack = stack;
        this.api = Api.admin(stack.api().baseUrl());
    }

    @Test
    void aClientReconnectingWithItsLastEventIdGetsExactlyWhatItMissedThenLiveEvents() {
        String id = api.createBook(Api.book(Api.unique("Resumable"))).path("id").asString();
        String lastEventId;
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            api.patchBook(id, Api.json().put("price", 0));
            await().atMost(Duration.ofSeconds(5)).until(() -> client.eventsFor(id).size() == 1);
            lastEventId = client.lastEventId();
        }
        for (int price = 1; price <= 100; price++) {
            api.patchBook(id, Api.json().put("price", price));
        }
        // Resume on the other gateway: gateways keep no client state.
        try (LiveClient client = LiveClient.connect(stack.gateways().get(1).port(), "topics=books&lastEventId=" + lastEventId)) {
            assertThat(client.welcome().path("lastEventId").asString()).isEqualTo(lastEventId);
            await().atMost(Duration.ofSeconds(15)).until(() -> client.events().size() >= 100);
            api.patchBook(id, Api.json().put("price", 101));
            await().atMost(Duration.ofSeconds(5)).until(() -> prices(client.events()).contains(101));

            List<JsonNode> events = client.events();
            assertThat(prices(events)).containsExactlyElementsOf(IntStream.rangeClosed(1, 101).boxed().toList());
            assertIdsIncrease(events);
        }
    }

    private static List<Integer> prices(List<JsonNode> events) {
        return events.stream().map(event -> event.path("data").path("price").asInt()).toList();
    }
}
