package live.bookhub.gateway.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.StreamId;

/**
 * One read of the stream for many readers at the same position: when ten thousand clients resume
 * from a few positions at once, Redis is read once per position and page, not once per client.
 *
 * <p>A read may be shared only where its answer holds for the one who asks. A full page (as many
 * entries as asked for) is history: those entries follow the position whenever it was read, so it
 * serves anyone asking within {@link #RETAIN_NANOS}. A shorter page, or a reading of where the stream
 * stands, also says where the stream ended, which holds only for a reader whose own registration came
 * before it: a resume registers its client for live events before it reads, so that whatever the
 * read missed arrives live. So such a read serves only the readers whose ticket was taken before it
 * was sent: a ticket is the sequence number of the reads sent so far, a read sent later has a higher
 * one. A resume takes its ticket once its client is registered and keeps it to the stream's end, so
 * every client that reaches the end while a read of it is fresh shares that read.
 *
 * <p>Opening clients ask where the stream stands without waiting for it ({@link #stateSoon}): those
 * that ask while a reading is on its way are answered by the next one, sent once it is back, on one
 * thread. A storm of openings costs a read per round trip, not per client, and no thread waits per client.
 */
final class SharedReads {

    /** How long a finished read may serve later readers. */
    static final long RETAIN_NANOS = 10_000_000_000L;
    /** Reads kept at most: a page of 500 envelopes is a few hundred KB. */
    private static final int MAX_KEPT = 128;

    private record Key(StreamId after, int count) {
    }

    private static final class Read {
        final long sequence;
        final CompletableFuture<EventHistory.Page> page = new CompletableFuture<>();
        volatile long doneNanos;

        Read(long sequence) {
            this.sequence = sequence;
        }

        boolean isStale(long now) {
            return page.isDone() && now - doneNanos > RETAIN_NANOS;
        }
    }

    private final AtomicLong sent = new AtomicLong();
    private final ConcurrentHashMap<Key, Read> reads = new ConcurrentHashMap<>();
    private final BiFunction<StreamId, Integer, EventHistory.Page> redis;
    private final Counter pageReads;
    private final Counter stateReads;
    private final Counter sharedReads;

    private final Executor stateReader;
    /** Who waits for the next reading of where the stream stands; guarded by itself. */
    private final List<CompletableFuture<StreamState>> stateCallers = new ArrayList<>();
    private boolean stateReading;

    SharedReads(BiFunction<StreamId, Integer, EventHistory.Page> redis, Executor stateReader, MeterRegistry meters) {
        this.redis = redis;
        this.stateReader = stateReader;
        this.pageReads = reads(meters, "page");
        this.stateReads = reads(meters, "state");
        this.sharedReads = Counter.builder("bookhub.gateway.stream.reads.shared")
                .description("Reads of the event stream answered by another reader's read at the same position")
                .register(meters);
    }

    /** A mark of this moment: reads sent later have a higher sequence number. */
    long ticket() {
        return sent.get();
    }

    /**
     * Up to {@code count} entries after {@code after}: a full page read within {@link #RETAIN_NANOS}, or a
     * read sent after {@code ticket} (a {@link #ticket()}), or one read now; blocks.
     */
    EventHistory.Page read(StreamId after, int count, long ticket) {
        Key key = new Key(after, count);
        Read current = reads.get(key);
        if (current != null && !current.isStale(System.nanoTime()) && (current.sequence > ticket || count > 0)) {
            EventHistory.Page page = await(current);
            if (current.sequence > ticket || (count > 0 && page.read() == count)) {
                sharedReads.increment();
                return page;
            }
        }
        Read mine = new Read(sent.incrementAndGet());
        Read chosen = reads.compute(key, (k, other) ->
                other != null && other.sequence > ticket && !other.isStale(System.nanoTime()) ? other : mine);
        if (chosen != mine) {
            sharedReads.increment();
            return await(chosen);
        }
        forgetOld();
        try {
            (count == 0 ? stateReads : pageReads).increment();
            EventHistory.Page page = redis.apply(after, count);
            mine.doneNanos = System.nanoTime();
            mine.page.complete(page);
            return page;
        } catch (RuntimeException e) {
            reads.remove(key, mine);
            mine.page.completeExceptionally(e);
            throw e;
        }
    }

    /** Where the stream stands, read after this call; answered on the state reader's thread, or failed with Redis's error. */
    CompletableFuture<StreamState> stateSoon() {
        CompletableFuture<StreamState> answer = new CompletableFuture<>();
        synchronized (stateCallers) {
            stateCallers.add(answer);
            if (stateReading) {
                return answer;
            }
            stateReading = true;
        }
        try {
            stateReader.execute(this::readStates);
        } catch (RejectedExecutionException e) {
            failStates(e); // shutting down
        }
        return answer;
    }

    /** Reads until nobody waits: each reading answers everyone who asked before it was sent. */
    private void readStates() {
        while (true) {
            List<CompletableFuture<StreamState>> callers;
            synchronized (stateCallers) {
                if (stateCallers.isEmpty()) {
                    stateReading = false;
                    return;
                }
                callers = List.copyOf(stateCallers);
                stateCallers.clear();
            }
            stateReads.increment();
            sharedReads.increment(callers.size() - 1);
            try {
                StreamState state = redis.apply(StreamId.ZERO, 0).stream();
                callers.forEach(caller -> caller.complete(state));
            } catch (RuntimeException e) {
                callers.forEach(caller -> caller.completeExceptionally(e));
            }
        }
    }

    /** Pages: of resumes and gap fills; states: readings of where the stream stands (no entries), the openings' batched. */
    private static Counter reads(MeterRegistry meters, String kind) {
        return Counter.builder("bookhub.gateway.stream.reads")
                .description("Reads of the event stream sent to Redis: pages for resuming clients and gap fills, or the openings' stream states")
                .tag("read", kind)
                .register(meters);
    }

    private void failStates(RuntimeException error) {
        List<CompletableFuture<StreamState>> callers;
        synchronized (stateCallers) {
            callers = List.copyOf(stateCallers);
            stateCallers.clear();
            stateReading = false;
        }
        callers.forEach(caller -> caller.completeExceptionally(error));
    }

    private void forgetOld() {
        long now = System.nanoTime();
        reads.values().removeIf(read -> read.isStale(now));
        if (reads.size() > MAX_KEPT) {
            reads.values().removeIf(read -> read.page.isDone());
        }
    }

    private static EventHistory.Page await(Read read) {
        try {
            return read.page.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
