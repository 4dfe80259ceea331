package live.bookhub.gateway.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.EventStream;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.protocol.FrameBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The bounded Redis stream that resuming clients replay from. Each read returns where the stream
 * stood with what it read ({@code scripts/read-stream.lua}, one atomic step), so a page is never
 * taken from another life of the stream than the one it is checked against. Readers at the same
 * position share one read where its answer holds for each of them ({@link SharedReads}).
 */
@Component
public class EventHistory implements DisposableBean {

    /**
     * Entries after a position, and where the stream stood when they were read.
     *
     * @param block    the envelopes read, framed end to end once for every client the page serves
     * @param read     how many entries were read, including any that are no envelope (skipped, and logged)
     * @param lastRead the id of the last entry read, {@code null} when none was
     */
    public record Page(StreamState stream, FrameBlock<Event> block, int read, StreamId lastRead) {

        public List<Event> events() {
            return block.frames();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EventHistory.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = RedisScript.of(new ClassPathResource("scripts/read-stream.lua"), List.class);

    private final StringRedisTemplate redis;
    private final SharedReads reads;
    private final ExecutorService stateReader = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "stream-state"));

    EventHistory(StringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        this.reads = new SharedReads(this::read, stateReader, meters);
    }

    /** Where the stream stands, read after this call began. */
    public StreamState state() {
        return reads.read(StreamId.ZERO, 0, reads.ticket()).stream();
    }

    /**
     * Where the stream stands, read after this call began, without waiting for it: for an event loop,
     * which must not wait for Redis. Answered on another thread (or failed with Redis's error).
     */
    public CompletableFuture<StreamState> stateSoon() {
        return reads.stateSoon();
    }

    /**
     * Up to {@code count} entries after {@code after}'s id, oldest first, of whatever life the stream
     * is in now; a page shorter than {@code count} (the stream's end) was read after this call began.
     */
    public Page after(StreamPosition after, int count) {
        return after(after, count, ticket());
    }

    /**
     * The same, but a page shorter than {@code count} may be any read sent after {@code ticket} was
     * taken: a resuming client registered for live events before it took its ticket, so whatever
     * such a read missed reaches it live, and every client at the stream's end shares one read.
     */
    public Page after(StreamPosition after, int count, long ticket) {
        return reads.read(after.id(), count, ticket);
    }

    /** A mark of this moment for {@link #after(StreamPosition, int, long)}: reads sent later are newer than it. */
    public long ticket() {
        return reads.ticket();
    }

    @Override
    public void destroy() {
        stateReader.shutdownNow();
    }

    private Page read(StreamId after, int count) {
        List<?> reply = redis.execute(READ, List.of(EventStream.KEY, EventStream.EPOCH_KEY), after.toString(), String.valueOf(count));
        StreamState stream = new StreamState((String) reply.get(0), id(reply.get(1)), id(reply.get(2)), id(reply.get(3)), id(reply.get(4)));
        List<?> entries = (List<?>) reply.get(5);
        List<Event> events = new ArrayList<>(entries.size());
        String lastRead = null;
        for (Object entry : entries) {
            List<?> idAndFields = (List<?>) entry;
            lastRead = (String) idAndFields.get(0);
            try {
                events.add(toEvent(lastRead, (List<?>) idAndFields.get(1), stream.epoch()));
            } catch (RuntimeException e) {
                // Not the watcher's (written by hand?): it must not stop every resume that reaches it.
                log.warn("skipped stream entry {}, which is no envelope: {}", lastRead, e.toString());
            }
        }
        return new Page(stream, FrameBlock.of(events, Event::withWebSocketFrame), entries.size(), id(lastRead));
    }

    private static Event toEvent(String id, List<?> fields, String epoch) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (EventStream.ENVELOPE_FIELD.equals(fields.get(i))) {
                return Event.parse(EnvelopeCodec.withPosition((String) fields.get(i + 1), id, epoch));
            }
        }
        throw new IllegalArgumentException("no field " + EventStream.ENVELOPE_FIELD);
    }

    private static StreamId id(Object value) {
        return value == null ? null : StreamId.parse((String) value);
    }
}
