package live.bookhub.watcher.stream;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One change stream's appends on a thread of their own ({@code append-<collection>}), so that the
 * streaming loop reads and maps the next batch while Redis takes the last one. At most one append is
 * in flight: the next starts only once the previous one succeeded, so batches reach Redis in the
 * stream's order, and a failure stops the appends behind it. An append may carry on with what follows
 * it (the new position, a checkpoint, at once as before): the caller touches that state only after
 * {@link #collect()}, and the future's hand-over orders the two threads' accesses.
 */
final class AppendAhead {

    private final ExecutorService thread;
    private Future<?> inFlight;

    AppendAhead(String collection) {
        this.thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "append-" + collection));
    }

    /** Collects the append in flight (waiting for it, rethrowing its failure), then starts {@code append}. */
    void start(Runnable append) {
        collect();
        inFlight = thread.submit(append);
    }

    /**
     * Waits for the append in flight, if any.
     *
     * @throws RuntimeException the append's failure; on an interrupt, with the thread's flag set, after
     *                          cancelling the append
     */
    void collect() {
        if (inFlight == null) {
            return;
        }
        Future<?> append = inFlight;
        inFlight = null;
        try {
            append.get();
        } catch (InterruptedException e) {
            append.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while appending");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * When the stream closes on a failure: waits for the append in flight to end, keeping its position
     * when it succeeded; its own failure is dropped (the stream reopens after the last append collected).
     */
    void settle() {
        try {
            collect();
        } catch (RuntimeException e) {
            // the failure that closed the stream is the one reported; this append is read again on reopening
        }
    }

    /** Ends the thread once the loop ends: no append of this stream runs after it, even on an interrupt. */
    void close() {
        thread.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
