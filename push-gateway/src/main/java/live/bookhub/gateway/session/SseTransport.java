package live.bookhub.gateway.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import live.bookhub.gateway.stream.OutboundFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SSE response written with the servlet container's non-blocking output: a write that the
 * socket cannot take now completes in {@link #onWritePossible}, so a slow reader holds no thread,
 * exactly as with the WebSocket's asynchronous sends.
 */
final class SseTransport implements Transport, WriteListener {

    private static final Logger log = LoggerFactory.getLogger(SseTransport.class);
    private static final byte[] KEEP_ALIVE = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final AsyncContext context;
    private final ServletOutputStream out;
    private final AtomicBoolean ended = new AtomicBoolean();

    // guarded by this: the one write in flight
    private byte[] pending;
    private boolean flushPending;
    private Consumer<Throwable> pendingDone;

    SseTransport(AsyncContext context) throws IOException {
        this.context = context;
        this.out = context.getResponse().getOutputStream();
        out.setWriteListener(this);
    }

    @Override
    public void send(OutboundFrame frame, Consumer<Throwable> done) {
        start(encode(frame), done);
    }

    @Override
    public void ping(Consumer<Throwable> done) {
        start(KEEP_ALIVE, done);
    }

    @Override
    public boolean answersPings() {
        return false;
    }

    /** Ends the stream after a {@code close} event saying why; an EventSource then reconnects with Last-Event-ID. */
    @Override
    public void close(int code, String reason) {
        if (ended.get()) {
            return;
        }
        synchronized (this) {
            if (pendingDone == null) {
                try {
                    if (out.isReady()) {
                        out.write(encode(Frames.close(code, reason)));
                        if (out.isReady()) {
                            out.flush();
                        }
                    }
                } catch (IOException | IllegalStateException e) {
                    log.debug("SSE close event not written: {}", e.toString());
                }
            }
        }
        end();
    }

    @Override
    public void onWritePossible() {
        continueWrite();
    }

    @Override
    public void onError(Throwable failure) {
        Consumer<Throwable> done;
        synchronized (this) {
            done = pendingDone;
            pendingDone = null;
            pending = null;
        }
        if (done != null) {
            done.accept(failure);
        }
        end();
    }

    private void start(byte[] bytes, Consumer<Throwable> done) {
        synchronized (this) {
            pending = bytes;
            flushPending = true;
            pendingDone = done;
        }
        continueWrite();
    }

    /** Writes, then flushes, as far as the socket takes them; the rest continues in onWritePossible. */
    private void continueWrite() {
        Consumer<Throwable> done;
        try {
            synchronized (this) {
                if (pendingDone == null || !out.isReady()) {
                    return;
                }
                if (pending != null) {
                    out.write(pending);
                    pending = null;
                    if (!out.isReady()) {
                        return;
                    }
                }
                if (flushPending) {
                    out.flush();
                    flushPending = false;
                    if (!out.isReady()) {
                        return;
                    }
                }
                done = pendingDone;
                pendingDone = null;
            }
        } catch (IOException | IllegalStateException e) {
            onError(e);
            return;
        }
        done.accept(null);
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            try {
                context.complete();
            } catch (IllegalStateException e) {
                log.debug("SSE stream already ended: {}", e.toString());
            }
        }
    }

    private static byte[] encode(OutboundFrame frame) {
        StringBuilder text = new StringBuilder(frame.json().length() + 64);
        if (frame.eventId() != null) {
            text.append("id: ").append(frame.eventId()).append('\n');
        }
        text.append("event: ").append(frame.type()).append('\n');
        text.append("data: ").append(frame.json()).append("\n\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
