package live.bookhub.gateway.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.EventStream;
import live.bookhub.events.StreamId;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** The bounded Redis stream that resuming clients replay from. */
@Component
public class EventHistory {

    private final StringRedisTemplate redis;

    EventHistory(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Up to {@code count} events after {@code after}, oldest first. */
    public List<Event> after(StreamId after, int count) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(EventStream.KEY,
                Range.rightUnbounded(Range.Bound.exclusive(after.toString())), Limit.limit().count(count));
        return records == null ? List.of() : records.stream().map(EventHistory::toEvent).toList();
    }

    public Optional<StreamId> firstId() {
        return boundary(redis.opsForStream().range(EventStream.KEY, Range.unbounded(), Limit.limit().count(1)));
    }

    public Optional<StreamId> lastId() {
        return boundary(redis.opsForStream().reverseRange(EventStream.KEY, Range.unbounded(), Limit.limit().count(1)));
    }

    /**
     * Whether the stream still holds every entry after {@code after}: trimming removes from the head,
     * so entries may be missing only when the first entry left is later than {@code after}; Redis 7
     * then tells the last id it trimmed. Without that answer (Redis 6) a gap is assumed.
     */
    public Optional<HistoryGap> gapAfter(StreamId after) {
        Optional<StreamId> last = lastId();
        if (last.map(after::isAfter).orElse(!after.equals(StreamId.ZERO))) {
            return Optional.of(HistoryGap.UNKNOWN_POSITION);
        }
        Optional<StreamId> first = firstId();
        if (first.isEmpty() || !first.get().isAfter(after)) {
            return Optional.empty();
        }
        Optional<StreamId> lastTrimmed = maxDeletedId();
        return lastTrimmed.isPresent() && !lastTrimmed.get().isAfter(after) ? Optional.empty() : Optional.of(HistoryGap.HISTORY_LOST);
    }

    private Optional<StreamId> maxDeletedId() {
        Object id = redis.opsForStream().info(EventStream.KEY).getRaw().get("max-deleted-entry-id");
        return id == null ? Optional.empty() : Optional.of(StreamId.parse(text(id)));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static Optional<StreamId> boundary(List<MapRecord<String, Object, Object>> records) {
        return records == null || records.isEmpty() ? Optional.empty()
                : Optional.of(StreamId.parse(records.get(0).getId().getValue()));
    }

    private static Event toEvent(MapRecord<String, Object, Object> record) {
        String id = record.getId().getValue();
        String envelope = (String) record.getValue().get(EventStream.ENVELOPE_FIELD);
        return Event.parse(EnvelopeCodec.withId(envelope, id));
    }
}
