package live.bookhub.faults;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What both transports share: the end is told once, whoever notices it first (the server's close, an
 * error, the client's own close), and a close that comes before the connection is open still ends it.
 */
abstract class OnceEndedLink implements Link {

    private final AtomicBoolean ended = new AtomicBoolean();
    private final Listener listener;
    private volatile boolean closing;

    OnceEndedLink(Listener listener) {
        this.listener = listener;
    }

    /** Drops the connection, or nothing while it is not open yet ({@link #isClosing()} tells the opener). */
    abstract void abort();

    final void frame(String json) {
        if (!ended.get()) {
            listener.onFrame(json);
        }
    }

    final void end(int code) {
        if (ended.compareAndSet(false, true)) {
            listener.onEnd(code);
        }
    }

    final boolean isClosing() {
        return closing;
    }

    @Override
    public final void close() {
        closing = true;
        abort();
        end(-1);
    }
}
