package live.bookhub.faults;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import live.bookhub.events.Topics;
import live.bookhub.infra.support.Api;

/**
 * Book writes through the api as its admin, at a steady rate on a thread of its own: a create, then
 * updates of the price, and now and then a delete. Each write's number is the book's price.
 */
final class ApiWriter implements AutoCloseable {

    /** The api's own numbers; mongosh's start far above them, still within the api's price limit. */
    private static final AtomicLong SEQ = new AtomicLong();

    private final Api api;
    private final SourceLog log;
    private final long periodNanos;
    private final Deque<String> books = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean running = true;

    ApiWriter(Api api, SourceLog log, double perSecond) {
        this.api = api;
        this.log = log;
        this.periodNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        this.thread = new Thread(this::run, "api-writer");
    }

    ApiWriter start() {
        thread.start();
        return this;
    }

    /** One more book created, outside the pace: the run's last write, which every client must see. */
    long writeSentinel() {
        return create();
    }

    private void run() {
        long next = System.nanoTime();
        for (long i = 0; running; i++) {
            long kind = i % 8;
            if (kind == 0 || books.isEmpty()) {
                create();
            } else if (kind == 7 && books.size() > 3) {
                delete(books.pollFirst());
            } else {
                update(books.peekLast());
            }
            // a fixed schedule: a write slowed by a fault is not followed by a burst to catch up
            next = Math.max(next + periodNanos, System.nanoTime());
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    private long create() {
        long seq = SEQ.incrementAndGet();
        long start = System.currentTimeMillis();
        String id = "";
        boolean done = false;
        try {
            id = api.createBook(Api.book("Fault harness " + seq).put("price", seq)).path("id").asString();
            books.addLast(id);
            done = true;
        } catch (RuntimeException | AssertionError e) {
            // the outcome is unknown (a fault may have cut the answer): the write is expected by no one
        }
        log.record(new Write(seq, "api", "book:created", Topics.BOOKS, id, start, System.currentTimeMillis(), done));
        return seq;
    }

    private void update(String id) {
        long seq = SEQ.incrementAndGet();
        long start = System.currentTimeMillis();
        boolean done = false;
        try {
            api.patchBook(id, Api.json().put("price", seq));
            done = true;
        } catch (RuntimeException | AssertionError e) {
            // unknown outcome, as above
        }
        log.record(new Write(seq, "api", "book:updated", Topics.BOOKS, id, start, System.currentTimeMillis(), done));
    }

    private void delete(String id) {
        long seq = SEQ.incrementAndGet();
        log.expectDelete(id, seq);
        long start = System.currentTimeMillis();
        boolean done = false;
        try {
            api.deleteBook(id);
            done = true;
        } catch (RuntimeException | AssertionError e) {
            // unknown outcome, as above
        }
        log.record(new Write(seq, "api", "book:deleted", Topics.BOOKS, id, start, System.currentTimeMillis(), done));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(60));
    }
}
