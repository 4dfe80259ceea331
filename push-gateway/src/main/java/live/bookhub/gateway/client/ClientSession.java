package live.bookhub.gateway.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoop;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.auth.Authentication;
import live.bookhub.gateway.auth.Viewer;
import live.bookhub.gateway.fanout.Subscriber;
import live.bookhub.gateway.fanout.TopicRouting;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.filter.BookFilter;
import live.bookhub.gateway.protocol.FrameBlock;
import live.bookhub.gateway.protocol.OutboundFrame;

/**
 * One client: its topics and filters, its place in the stream, its connection. Events reach it in stream order
 * and at most once ({@link ResumeBuffer}); while it resumes, live events wait and are merged after
 * the replay ({@link Resumer}). Every flush is checked against the {@link SendLimit}.
 *
 * <p>The client is in the hub before it is welcomed (nothing appended after its start position may
 * miss it), but nothing reaches its wire before the welcome: live events meanwhile are held for its
 * resume, and the hub's actions (resets, re-checks of rights), with the events after them, wait and
 * run in order right after the opening frames ({@link #open}).
 *
 * <p>A session lives on its connection's event loop: every method but {@link #close} and
 * {@link #ping} (which move there themselves) is called on it, so its state needs no locks and its
 * frames go out in the order they were decided.
 */
public final class ClientSession implements Subscriber {

    private final String id;
    /** Replaced only when the user's rights are lowered (on the loop); read on any thread. */
    private volatile Authentication authentication;
    private final Transport transport;
    private final SendLimit sendLimit;
    private final DeliveryMetrics metrics;
    private final ResumeBuffer resume;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Map<String, BookFilter> filters = new ConcurrentHashMap<>();
    private volatile long lastHeardNanos = System.nanoTime();
    private boolean closed;
    /** Until the welcome: the hub's actions handed meanwhile and every event after the first of them, in order; then {@code null}. */
    private List<Object> beforeWelcome = new ArrayList<>(0);
    private boolean unflushed;
    private Runnable onWritable;

    ClientSession(String id, Authentication authentication, Transport transport, SendLimit sendLimit, DeliveryMetrics metrics,
                  int resumeBufferLimit) {
        this.id = id;
        this.authentication = authentication;
        this.transport = transport;
        this.sendLimit = sendLimit;
        this.metrics = metrics;
        this.resume = new ResumeBuffer(resumeBufferLimit);
    }

    public String id() {
        return id;
    }

    public Viewer viewer() {
        return authentication.viewer();
    }

    public Authentication authentication() {
        return authentication;
    }

    /** The user's rights were lowered: from now on this connection counts as {@code viewer}, for every topic it asks for. */
    public void lowerRightsTo(Viewer viewer) {
        authentication = authentication.lowerTo(viewer);
    }

    @Override
    public Set<String> topics() {
        return topics;
    }

    @Override
    public Map<String, BookFilter> filters() {
        return filters;
    }

    /** The position of the last event this client was sent or skipped past; it may be read on any thread. */
    public StreamPosition position() {
        return resume.position();
    }

    @Override
    public EventLoop eventLoop() {
        return transport.eventLoop();
    }

    /**
     * Starts the client at {@code start} (its last event's position, or the stream's end) and sends
     * {@code opening}, the welcome first; then what the hub handed it meanwhile is handled, in order.
     */
    public void open(StreamPosition start, List<? extends OutboundFrame> opening) {
        resume.startAt(start);
        lastHeardNanos = System.nanoTime(); // its frames are read from now on
        List<Object> waiting = beforeWelcome;
        beforeWelcome = null;
        opening.forEach(this::send);
        boolean written = false;
        for (Object next : waiting) {
            if (next instanceof Event event) {
                written |= onLive(event);
            } else {
                ((Runnable) next).run();
            }
        }
        if (written) {
            flushLive();
        }
    }

    @Override
    public void inTurn(Runnable action) {
        if (beforeWelcome != null) {
            beforeWelcome.add(action);
        } else {
            action.run();
        }
    }

    @Override
    public boolean onLive(Event event) {
        if (beforeWelcome != null && !beforeWelcome.isEmpty()) {
            beforeWelcome.add(event); // behind an action that waits for the welcome
            return false;
        }
        if (!resume.acceptLive(event) || !writeEvent(event)) {
            return false;
        }
        boolean firstSinceFlush = !unflushed;
        unflushed = true;
        return firstSinceFlush;
    }

    @Override
    public void flushLive() {
        unflushed = false;
        if (!closed) {
            flush();
        }
    }

    @Override
    public void resetTo(OutboundFrame reset, StreamPosition end) {
        resume.skipTo(end);
        send(reset);
    }

    /** One of the gateway's own frames (welcome, error, pong, subscribed, sync:reset): sent in order with the events. */
    public void send(OutboundFrame frame) {
        if (!closed) {
            transport.write(frame);
            flush();
        }
    }

    /** The peer said something (a frame or a pong): it is alive. */
    public void heard() {
        lastHeardNanos = System.nanoTime();
    }

    /** Whether a peer that answers pings has been silent for longer than {@code idleNanos}. */
    boolean isSilentFor(long idleNanos, long nowNanos) {
        return transport.answersPings() && nowNanos - lastHeardNanos > idleNanos;
    }

    void ping() {
        if (!eventLoop().inEventLoop()) {
            eventLoop().execute(this::ping);
            return;
        }
        if (!closed) {
            transport.ping();
        }
    }

    /**
     * A page read from the stream for this client's resume: its events may belong to topics the client
     * does not read; entries read but no envelope are passed over all the same. Each run of consecutive
     * events it wants goes out as one write of the page's shared bytes, the page with one flush.
     */
    void replayed(FrameBlock<Event> page, StreamId lastRead) {
        List<Event> events = page.frames();
        int runFrom = -1;
        boolean written = false;
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            if (resume.acceptReplayed(event) && TopicRouting.selects(this, event)) {
                runFrom = runFrom < 0 ? i : runFrom;
            } else if (runFrom >= 0) {
                written |= writeRun(page, runFrom, i);
                runFrom = -1;
            }
        }
        if (runFrom >= 0) {
            written |= writeRun(page, runFrom, events.size());
        }
        if (written) {
            flush();
        }
        if (lastRead != null) {
            resume.passOver(lastRead);
        }
    }

    /**
     * Ends the resume when the held live events reach on from the replay: they are sent, and later
     * events go out as they come. Otherwise the caller reads the stream once more.
     */
    boolean finishReplay() {
        Optional<List<Event>> fresh = resume.finishReplay();
        fresh.ifPresent(this::sendWanted);
        return fresh.isPresent();
    }

    /** Runs {@code next} once the connection has taken most of what was sent (at once if it has); never if it closes. */
    void whenWritable(Runnable next) {
        if (closed) {
            return;
        }
        if (transport.isWritable()) {
            next.run();
        } else {
            onWritable = next;
        }
    }

    /** The connection's unsent bytes crossed a water mark. */
    public void writabilityChanged() {
        if (onWritable != null && transport.isWritable()) {
            Runnable next = onWritable;
            onWritable = null;
            next.run();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Says goodbye with {@code code} and closes the connection; from any thread. */
    public void close(int code, String reason) {
        if (!eventLoop().inEventLoop()) {
            eventLoop().execute(() -> close(code, reason));
            return;
        }
        if (closed) {
            return;
        }
        ended();
        transport.close(code, reason);
    }

    /** The connection is gone: nothing more is written. */
    public void ended() {
        closed = true;
        beforeWelcome = null;
        resume.clear();
        onWritable = null;
    }

    /** Writes those of the events that are wanted, then flushes once: they go out in few socket writes, not one per event. */
    private void sendWanted(List<Event> events) {
        boolean written = false;
        for (Event event : events) {
            written |= TopicRouting.selects(this, event) && writeEvent(event);
        }
        if (written) {
            flush();
        }
    }

    private boolean writeRun(FrameBlock<Event> page, int from, int to) {
        if (closed) {
            return false;
        }
        transport.write(page, from, to);
        EventLoop loop = eventLoop();
        List<Event> events = page.frames();
        for (int i = from; i < to; i++) {
            metrics.delivered(events.get(i), loop);
        }
        return true;
    }

    private boolean writeEvent(Event event) {
        if (closed) {
            return false;
        }
        transport.write(event);
        metrics.delivered(event, eventLoop());
        return true;
    }

    private void flush() {
        sendLimit.check(this, transport.flush());
    }
}
