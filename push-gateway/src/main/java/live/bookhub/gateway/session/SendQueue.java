package live.bookhub.gateway.session;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import live.bookhub.gateway.stream.OutboundFrame;

/**
 * A client's bounded outbox, counted in characters (about bytes for JSON). Offering never blocks
 * the fan-out; one asynchronous write is in flight at a time and each completion starts the next,
 * so a slow client holds no thread. Over the limit, the backlog is dropped and {@code onOverflow} runs.
 */
final class SendQueue {

    private final Transport transport;
    private final long limit;
    private final Runnable onOverflow;
    private final Runnable onFailure;
    private final ArrayDeque<OutboundFrame> frames = new ArrayDeque<>();
    private long queued;
    private boolean writing;
    private boolean closed;

    SendQueue(Transport transport, long limit, Runnable onOverflow, Runnable onFailure) {
        this.transport = transport;
        this.limit = limit;
        this.onOverflow = onOverflow;
        this.onFailure = onFailure;
    }

    void offer(OutboundFrame frame) {
        boolean overflowed = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            int size = frame.json().length();
            if (queued + size > limit) {
                closeQueue();
                overflowed = true;
            } else {
                frames.add(frame);
                queued += size;
                if (writing) {
                    return;
                }
                writing = true;
            }
        }
        if (overflowed) {
            onOverflow.run();
        } else {
            writeUntilPending();
        }
    }

    /**
     * Sends a keep-alive when nothing is being written (a client that is being written to needs none);
     * frames offered meanwhile wait for it like for any write.
     */
    void ping() {
        synchronized (this) {
            if (closed || writing) {
                return;
            }
            writing = true;
        }
        Completion completion = new Completion();
        transport.ping(completion);
        if (completion.senderReturned()) {
            writeUntilPending();
        }
    }

    synchronized void close() {
        closeQueue();
        notifyAll();
    }

    private void closeQueue() {
        closed = true;
        frames.clear();
        queued = 0;
    }

    /** Writes frames while writes complete at once; a pending write continues in its callback. */
    private void writeUntilPending() {
        while (true) {
            OutboundFrame next;
            synchronized (this) {
                next = closed ? null : frames.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
                queued -= next.json().length();
                notifyAll();
            }
            Completion completion = new Completion();
            transport.send(next, completion);
            if (!completion.senderReturned()) {
                return;
            }
        }
    }

    /** Decides who continues the write loop: the sender when the write completed inline, else the callback. */
    private final class Completion implements Consumer<Throwable> {
        private static final int PENDING = 0;
        private static final int COMPLETED_INLINE = 1;
        private static final int SENDER_RETURNED = 2;
        private final AtomicInteger state = new AtomicInteger(PENDING);

        @Override
        public void accept(Throwable failure) {
            if (failure != null) {
                close();
                onFailure.run();
                return;
            }
            if (!state.compareAndSet(PENDING, COMPLETED_INLINE)) {
                writeUntilPending();
            }
        }

        /** {@code true} when the write completed before the sender returned: the sender goes on writing. */
        boolean senderReturned() {
            return !state.compareAndSet(PENDING, SENDER_RETURNED);
        }
    }

    /** Waits until at most {@code chars} are queued; replays use it to keep pace with the client. */
    synchronized boolean awaitBelow(long chars, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!closed && queued > chars) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return !closed;
    }
}
