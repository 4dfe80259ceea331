package live.bookhub.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import live.bookhub.events.StreamId;
import live.bookhub.gateway.auth.Authentication;
import live.bookhub.gateway.auth.Viewer;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.stream.OutboundFrame;
import live.bookhub.gateway.stream.TopicRouting;

/**
 * One client: its topics, its position in the stream, its outbox. Events reach it in stream order
 * and at most once: anything at or before {@link #position()} is dropped. While it resumes, live
 * events wait in a bounded buffer and are merged after the replay (see {@link Resumer}).
 */
public final class ClientSession {

    private final String id;
    private final Authentication authentication;
    private final Transport transport;
    private final SendQueue outbox;
    private final int resumeBufferLimit;
    private final DeliveryMetrics metrics;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private volatile long lastHeardNanos = System.nanoTime();

    // guarded by this
    private StreamId position = StreamId.ZERO;
    private boolean resuming = true;
    private final List<Event> buffered = new ArrayList<>();
    private boolean bufferOverflowed;

    ClientSession(String id, Authentication authentication, Transport transport, long sendBufferLimit, int resumeBufferLimit,
                  DeliveryMetrics metrics, Consumer<ClientSession> onSlow, Consumer<ClientSession> onFailure) {
        this.id = id;
        this.authentication = authentication;
        this.transport = transport;
        this.resumeBufferLimit = resumeBufferLimit;
        this.metrics = metrics;
        this.outbox = new SendQueue(transport, sendBufferLimit, () -> onSlow.accept(this), () -> onFailure.accept(this));
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

    public synchronized StreamId position() {
        return position;
    }

    /** A live event from the hub, which chose this client by one of its topics. */
    public synchronized void onLive(Event event) {
        if (resuming) {
            if (!bufferOverflowed) {
                buffered.add(event);
                if (buffered.size() > resumeBufferLimit) {
                    // Everything buffered is in the stream too: drop it and keep reading the stream.
                    buffered.clear();
                    bufferOverflowed = true;
                }
            }
            return;
        }
        if (event.id().isAfter(position)) {
            position = event.id();
            send(event);
        }
    }

    /** A control frame (welcome, error, pong, sync:reset): sent in order with the events. */
    void sendFrame(OutboundFrame frame) {
        outbox.offer(frame);
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
        outbox.ping();
    }

    synchronized void resetTo(ControlFrame reset, StreamId end) {
        if (end.isAfter(position)) {
            position = end;
        }
        outbox.offer(reset);
    }

    synchronized void startAt(StreamId start) {
        position = start;
    }

    synchronized void deliverReplayed(Event event) {
        deliver(event);
    }

    /**
     * Ends the resume when the live buffer holds everything after the replay; otherwise empties it so
     * the caller reads the stream once more.
     */
    synchronized boolean tryGoLive() {
        if (bufferOverflowed) {
            bufferOverflowed = false;
            return false;
        }
        buffered.forEach(this::deliver);
        buffered.clear();
        resuming = false;
        return true;
    }

    boolean awaitOutboxBelow(long chars, long timeoutMillis) throws InterruptedException {
        return outbox.awaitBelow(chars, timeoutMillis);
    }

    void close(int code, String reason) {
        outbox.close();
        transport.close(code, reason);
    }

    void discardOutbox() {
        outbox.close();
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
        outbox.offer(event);
        metrics.delivered(event, System.currentTimeMillis());
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
