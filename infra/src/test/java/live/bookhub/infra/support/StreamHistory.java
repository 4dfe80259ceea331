package live.bookhub.infra.support;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.EventStream;
import live.bookhub.infra.LocalStack;
import tools.jackson.databind.JsonNode;

/** The Redis stream {@code bookhub:events} of a stack: what the watcher appended, with the stream ids. */
public final class StreamHistory {

    private StreamHistory() {
    }

    /** Every envelope in the stream, oldest first. */
    public static List<JsonNode> read(LocalStack stack) {
        RedisClient client = RedisClient.create(stack.redis().uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<JsonNode> envelopes = new ArrayList<>();
            for (StreamMessage<String, String> entry : connection.sync().xrange(EventStream.KEY, Range.create("-", "+"))) {
                envelopes.add(EnvelopeCodec.mapper().readTree(
                        EnvelopeCodec.withId(entry.getBody().get(EventStream.ENVELOPE_FIELD), entry.getId())));
            }
            return envelopes;
        } finally {
            client.shutdown();
        }
    }
}
