package live.bookhub.gateway.client;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.EventHistory;
import live.bookhub.gateway.feed.HistoryGap;
import live.bookhub.gateway.protocol.CloseCodes;
import live.bookhub.gateway.protocol.GatewayFrame;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Brings a new client from its start position to live delivery with no gap and no duplicate. The
 * client is registered with the hub before anything is read, so every event appended later reaches
 * its live buffer; the replay reads the stream page by page at the client's pace, then merges the
 * buffer, dropping what the replay already sent. No thread waits for a slow client: the next page is
 * read when its connection has drained. The merge itself is {@link ResumeBuffer}'s.
 *
 * <p>A page is read with where the stream stands: when that is another life of the stream than the
 * client's position (Redis lost the stream meanwhile), nothing in it follows from that position, and
 * the client is told to refetch ({@code sync:reset}, {@code epoch_changed}) instead.
 */
@Component
public class Resumer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Resumer.class);

    private final EventHistory history;
    private final GatewayProperties properties;
    private final ExecutorService executor;
    private final Counter replayed;

    Resumer(EventHistory history, GatewayProperties properties, MeterRegistry meters) {
        this.history = history;
        this.properties = properties;
        this.replayed = Counter.builder("bookhub.gateway.replayed.events")
                .description("Stream entries read for resuming clients (before filtering by their topics)")
                .register(meters);
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> new Thread(runnable, "resume-" + threads.incrementAndGet()));
    }

    /**
     * Starts the client's replay from its position; it goes live when the replay reaches the stream's
     * end. {@code registered} is a ticket of the history ({@link EventHistory#ticket()}) taken once the
     * client was registered for live events, and {@code start} the position it was started at: reads
     * sent after the ticket end where its live events begin, while it stays in that life of the stream.
     */
    public void catchUp(ClientSession session, StreamPosition start, long registered) {
        Ticket ticket = new Ticket(registered, start.epoch());
        executor.execute(() -> readPage(session, ticket));
    }

    /** Starts the replay again, from the client's position, with a ticket of now: its resume buffer let go of live events. */
    private void restart(ClientSession session) {
        catchUp(session, session.position(), history.ticket());
    }

    /**
     * Reads sent after {@code sequence} serve this resume, while the client stays in the life of the
     * stream it was in then: a reset into another life drops the live events its buffer held.
     */
    private record Ticket(long sequence, String epoch) {
    }

    /**
     * Reads the next page here (Redis is blocking), delivers it on the client's event loop, and goes
     * on once the connection has taken most of it: a replay never runs ahead of its client. After the
     * client's resume buffer let go of live events (a reset, an overflow), the replay starts afresh
     * with a new ticket.
     */
    private void readPage(ClientSession session, Ticket ticket) {
        StreamPosition from = session.position();
        long since = Objects.equals(from.epoch(), ticket.epoch()) ? ticket.sequence() : history.ticket();
        EventHistory.Page page;
        try {
            page = history.after(from, properties.replayPageSize(), since);
        } catch (RuntimeException e) {
            log.warn("resume of client {} failed at {}: {}", session.id(), from, e.toString());
            session.close(CloseCodes.TRY_AGAIN_LATER, "resume failed, reconnect");
            return;
        }
        replayed.increment(page.read());
        session.eventLoop().execute(() -> {
            if (session.isClosed()) {
                return;
            }
            if (!Objects.equals(from.epoch(), session.position().epoch())) {
                restart(session); // a reset moved the client into another life meanwhile: read from there
                return;
            }
            if (from.epoch() != null && !from.epoch().equals(page.stream().epoch())) {
                StreamPosition end = page.stream().end();
                ClientLog.about(log.atInfo(), session).log("client {} cannot resume after {}: the stream is now in epoch {}",
                        session.id(), from, page.stream().epoch());
                session.resetTo(GatewayFrame.syncReset(HistoryGap.EPOCH_CHANGED.wireName(), end), end);
                session.whenWritable(() -> restart(session));
                return;
            }
            session.replayed(page.block(), page.lastRead());
            if (page.read() < properties.replayPageSize()) {
                if (session.finishReplay()) {
                    return;
                }
                session.whenWritable(() -> restart(session)); // its held events overflowed: they are held afresh from now
                return;
            }
            session.whenWritable(() -> executor.execute(() -> readPage(session, ticket)));
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
