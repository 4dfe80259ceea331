package live.bookhub.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.SilentClient;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SlowClientIT extends GatewayTest {

    private static final int EVENTS = 4000;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aClientThatReadsNothingIsClosedWith1013WhileANormalClientOnTheSameGatewayReceivesEverythingInOrder() throws Exception {
        double slowClosesBefore = meters.counter("bookhub.gateway.slow.closes").count();
        String padding = "x".repeat(4000);
        List<String> published = new ArrayList<>();
        try (SilentClient silent = SilentClient.connect(port, "topics=books");
             WsClient normal = connect("topics=books");
             StreamPublisher publisher = publisher()) {
            for (int i = 0; i < EVENTS; i++) {
                published.add(publisher.publish("book:updated", "books", "{\"id\":\"slow-" + i + "\",\"pad\":\"" + padding + "\"}"));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> normal.events().size() >= EVENTS);
            await().atMost(Duration.ofSeconds(10)).until(() -> meters.counter("bookhub.gateway.slow.closes").count() > slowClosesBefore);

            assertThat(normal.eventIds()).containsExactlyElementsOf(published);
            assertThat(normal.isOpen()).isTrue();
        }
    }
}
