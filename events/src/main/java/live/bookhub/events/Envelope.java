package live.bookhub.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * One change as clients see it: the event envelope of {@code docs/protocol.md}.
 *
 * @param id        the Redis stream entry id; {@code null} until the event is appended
 * @param type      what happened
 * @param topic     who may see it: {@code books}, {@code orders:<userId>} or {@code admin}
 * @param ts        the change's cluster time
 * @param token     the change stream resume token ({@code _data}) for developers' replay
 * @param data      the document as the REST api returns it (ids as strings)
 * @param changed   update events only: the changed field names, when known
 * @param truncated {@code true} when {@code data} was cut down to the id because it was too large
 * @param before    book updates only: the filterable fields as they were before the change, for the
 *                  gateways to judge filters; in the stream and the live copy, last, and cut out by the
 *                  gateways before any client sees the envelope
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "type", "topic", "ts", "token", "data", "changed", "truncated", Envelope.BEFORE_FIELD})
public record Envelope(String id, String type, String topic, Instant ts, String token, JsonNode data,
                       List<String> changed, Boolean truncated, JsonNode before) {

    /** The name of {@link #before} in the JSON. */
    public static final String BEFORE_FIELD = "before";

    /** An envelope without {@link #before}: anything but a book's update. */
    public Envelope(String id, String type, String topic, Instant ts, String token, JsonNode data,
                    List<String> changed, Boolean truncated) {
        this(id, type, topic, ts, token, data, changed, truncated, null);
    }
}
