package live.bookhub.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.netty.channel.EventLoop;
import live.bookhub.events.StreamId;
import live.bookhub.gateway.auth.Authentication;
import live.bookhub.gateway.auth.Viewer;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.stream.OutboundFrame;
import live.bookhub.gateway.stream.TopicRouting;

/**
 * One client: its topics, its position in the stream, its connection. Events reach it in stream
 * order and at most once: anything at or before {@link #position()} is dropped. While it resumes,
 * live events wait in a bounded buffer and are merged after the replay (see {@link Resumer}).
 *
 * <p>A session lives on its connection's event loop: every method but {@link #close} and
 * {@link #ping} (which move there themselves) is called on it, so its state needs no locks and its
 * frames go out in the order they were decided.
 */
public final class ClientSession {

    private final String id;
    private final Authentication authentication;
    private final Transport transport;
    private final long sendBufferLimit;
    private final int resumeBufferLimit;
    private final DeliveryMetrics metrics;
    private final Consumer<ClientSession> onSlow;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private volatile long lastHeardNanos = System.nanoTime();
    // written on the event loop; read by the resumer between its pages
    private volatile StreamId position = StreamId.ZERO;

    private boolean resuming = true;
    private final List<Event> buffered = new ArrayList<>();
    private boolean bufferOverflowed;
    private boolean closed;
    private boolean unflushed;
    private Runnable onWritable;

    ClientSession(String id, Authentication authentication, Transport transport, long sendBufferLimit, int resumeBufferLimit,
                  DeliveryMetrics metrics, Consumer<ClientSession> onSlow) {
        this.id = id;
        this.authentication = authentication;
        this.transport = transport;
        this.sendBufferLimit = sendBufferLimit;
        this.resumeBufferLimit = resumeBufferLimit;
        this.metrics = metrics;
        this.onSlow = onSlow;
    }

    public String id() {
        return id;
    }

    public Viewer viewer() {
        return authentication.viewer();
    }

    Authentication authentication() {
        return authentication;
    }

    public Set<String> topics() {
        return topics;
    }

    public StreamId position() {
        return position;
    }

    EventLoop eventLoop() {
        return transport.eventLoop();
    }

    /**
     * A live event from the hub, which chose this client by one of its topics. It is written but not
     * flushed: {@code true} asks the hub for a {@link #flushLive} once its batch is handed out.
     */
    boolean onLive(Event event) {
        if (resuming) {
            if (!bufferOverflowed) {
                buffered.add(event);
                if (buffered.size() > resumeBufferLimit) {
                    // Everything buffered is in the stream too: drop it and keep reading the stream.
                    buffered.clear();
                    bufferOverflowed = true;
                }
            }
            return false;
        }
        if (!event.id().isAfter(position)) {
            return false;
        }
        position = event.id();
        if (!writeEvent(event)) {
            return false;
        }
        boolean firstSinceFlush = !unflushed;
        unflushed = true;
        return firstSinceFlush;
    }

    /** Sends what {@link #onLive} wrote. */
    void flushLive() {
        unflushed = false;
        if (!closed) {
            flush();
        }
    }

    /** A control frame (welcome, error, pong, sync:reset): sent in order with the events. */
    void sendFrame(OutboundFrame frame) {
        write(frame);
    }

    /** The peer said something (a frame or a pong): it is alive. */
    void heard() {
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

    void resetTo(ControlFrame reset, StreamId end) {
        if (end.isAfter(position)) {
            position = end;
        }
        write(reset);
    }

    void startAt(StreamId start) {
        position = start;
    }

    void deliverReplayed(Event event) {
        deliver(event);
    }

    /**
     * Ends the resume when the live buffer holds everything after the replay; otherwise empties it so
     * the caller reads the stream once more.
     */
    boolean tryGoLive() {
        if (bufferOverflowed) {
            bufferOverflowed = false;
            return false;
        }
        buffered.forEach(this::deliver);
        buffered.clear();
        resuming = false;
        return true;
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
    void writabilityChanged() {
        if (onWritable != null && transport.isWritable()) {
            Runnable next = onWritable;
            onWritable = null;
            next.run();
        }
    }

    boolean isClosed() {
        return closed;
    }

    void close(int code, String reason) {
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
    void ended() {
        closed = true;
        buffered.clear();
        onWritable = null;
    }

    /** An event from the stream or the resume buffer: it may belong to a topic this client does not read. */
    private void deliver(Event event) {
        if (!event.id().isAfter(position)) {
            return;
        }
        position = event.id();
        if (wants(event)) {
            send(event);
        }
    }

    private void send(Event event) {
        if (writeEvent(event)) {
            flush();
        }
    }

    private boolean writeEvent(Event event) {
        if (closed) {
            return false;
        }
        transport.write(event);
        metrics.delivered(event, System.currentTimeMillis());
        return true;
    }

    private void write(OutboundFrame frame) {
        if (!closed) {
            transport.write(frame);
            flush();
        }
    }

    /** A client whose socket has not taken more than the send limit cannot keep up: it goes (1013) and resumes later. */
    private void flush() {
        if (transport.flush() > sendBufferLimit) {
            onSlow.accept(this);
        }
    }

    private boolean wants(Event event) {
        if (TopicRouting.isForEveryone(event.topic())) {
            return true;
        }
        for (String audience : TopicRouting.audiences(event.topic())) {
            if (topics.contains(audience)) {
                return true;
            }
        }
        return false;
    }
}
