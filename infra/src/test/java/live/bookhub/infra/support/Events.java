package live.bookhub.infra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import live.bookhub.events.StreamId;
import tools.jackson.databind.JsonNode;

/** Assertions on received envelopes. */
public final class Events {

    private Events() {
    }

    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.path("type").asString()).toList();
    }

    public static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("id").asString()).toList();
    }

    public static void assertIdsIncrease(List<JsonNode> events) {
        for (int i = 1; i < events.size(); i++) {
            StreamId previous = StreamId.parse(events.get(i - 1).path("id").asString());
            StreamId current = StreamId.parse(events.get(i).path("id").asString());
            assertThat(current.isAfter(previous)).as("id %s after %s", current, previous).isTrue();
        }
    }
}
