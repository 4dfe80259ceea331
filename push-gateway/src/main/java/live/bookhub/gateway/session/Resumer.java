package live.bookhub.gateway.session;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.stream.EventHistory;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Brings a new client from its start position to live delivery with no gap and no duplicate. The
 * client is registered with the hub before anything is read, so every event appended later reaches
 * its live buffer; the replay reads the stream page by page at the client's pace, then merges the
 * buffer, dropping what the replay already sent.
 */
@Component
class Resumer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Resumer.class);
    private static final long OUTBOX_WAIT_MILLIS = 30_000;

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

    void catchUp(ClientSession session) {
        executor.execute(() -> {
            try {
                replay(session);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("resume of client {} failed at {}: {}", session.id(), session.position(), e.toString());
                session.close(CloseCodes.TRY_AGAIN_LATER, "resume failed, reconnect");
            }
        });
    }

    private void replay(ClientSession session) throws InterruptedException {
        long halfOutbox = properties.sendBufferLimit().toBytes() / 2;
        while (true) {
            List<Event> page = history.after(session.position(), properties.replayPageSize());
            page.forEach(session::deliverReplayed);
            replayed.increment(page.size());
            if (page.size() < properties.replayPageSize() && session.tryGoLive()) {
                return;
            }
            if (!session.awaitOutboxBelow(halfOutbox, OUTBOX_WAIT_MILLIS)) {
                return; // closed, or too slow: the outbox limit deals with it
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
