package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SystemTest
class WatcherRestartIT {

    private final LocalStack stack;
    private final Api api;

    WatcherRestartIT(LocalStack stack) {
        this.stack = stack;
        this.api = Api.admin(stack.api().baseUrl());
    }

    @Test
    void changesWrittenWhileTheWatcherIsDownArriveAfterItsRestartOnceEachInWriteOrder() {
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            String batch = Api.unique("Offline");
            List<String> written = new ArrayList<>();
            stack.watcher().stop(Duration.ofSeconds(20));
            try {
                for (int i = 0; i < 200; i++) {
                    written.add(api.createBook(Api.book(batch + " #" + i)).path("id").asString());
                }
            } finally {
                stack.watcher().start().awaitHealthy(Duration.ofSeconds(120));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> created(client, written).size() >= 200);
            // Events arrive in order, so once a later change is seen nothing of the batch is still to come.
            String sentinel = api.createBook(Api.book(batch + " sentinel")).path("id").asString();
            await().atMost(Duration.ofSeconds(10)).until(() -> !client.eventsFor(sentinel).isEmpty());

            assertThat(created(client, written)).containsExactlyElementsOf(written);
        }
    }

    private static List<String> created(LiveClient client, List<String> ids) {
        return client.events().stream()
                .filter(event -> event.path("type").asString().equals("book:created"))
                .map(event -> event.path("data").path("id").asString())
                .filter(ids::contains)
                .toList();
    }
}
