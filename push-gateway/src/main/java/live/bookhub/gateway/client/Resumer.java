package live.bookhub.gateway.client;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.feed.EventHistory;
import live.bookhub.gateway.protocol.CloseCodes;
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

    /** Starts the client's replay from its position; it goes live when the replay reaches the stream's end. */
    public void catchUp(ClientSession session) {
        executor.execute(() -> readPage(session));
    }

    /**
     * Reads the next page here (Redis is blocking), delivers it on the client's event loop, and goes
     * on once the connection has taken most of it: a replay never runs ahead of its client.
     */
    private void readPage(ClientSession session) {
        List<Event> page;
        try {
            page = history.after(session.position(), properties.replayPageSize());
        } catch (RuntimeException e) {
            log.warn("resume of client {} failed at {}: {}", session.id(), session.position(), e.toString());
            session.close(CloseCodes.TRY_AGAIN_LATER, "resume failed, reconnect");
            return;
        }
        replayed.increment(page.size());
        session.eventLoop().execute(() -> {
            if (session.isClosed()) {
                return;
            }
            page.forEach(session::replayed);
            if (page.size() < properties.replayPageSize() && session.finishReplay()) {
                return;
            }
            session.whenWritable(() -> catchUp(session));
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
