package live.bookhub.gateway.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import live.bookhub.events.StreamId;
import live.bookhub.gateway.auth.Viewer;
import live.bookhub.gateway.stream.Event;
import live.bookhub.gateway.stream.TopicRouting;

/**
 * One client: its topics, its position in the stream, its outbox. Events reach it in stream order
 * and at most once: anything at or before {@link #position()} is dropped. While it resumes, live
 * events wait in a bounded buffer and are merged after the replay (see {@link Resumer}).
 */
public final class ClientSession {

    private final String id;
    private final Viewer viewer;
    private final Transport transport;
    private final SendQueue outbox;
    private final int resumeBufferLimit;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();

    // guarded by this
    private StreamId position = StreamId.ZERO;
    private boolean resuming = true;
    private final List<Event> buffered = new ArrayList<>();
    private boolean bufferOverflowed;

    ClientSession(String id, Viewer viewer, Transport transport, long sendBufferLimit, int resumeBufferLimit,
                  Consumer<ClientSession> onSlow, Consumer<ClientSession> onFailure) {
        this.id = id;
        this.viewer = viewer;
        this.transport = transport;
        this.resumeBufferLimit = resumeBufferLimit;
        this.outbox = new SendQueue(transport, sendBufferLimit, () -> onSlow.accept(this), () -> onFailure.accept(this));
    }

    public String id() {
        return id;
    }

    public Viewer viewer() {
        return viewer;
    }

    public Set<String> topics() {
        return topics;
    }

    public synchronized StreamId position() {
        return position;
    }

    /** A live event from the hub. */
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
        deliver(event);
    }

    /** A control frame (welcome, error, pong, sync:reset): sent in order with the events. */
    public void sendFrame(String json) {
        outbox.offer(json);
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

    private void deliver(Event event) {
        if (!event.id().isAfter(position)) {
            return;
        }
        position = event.id();
        if (wants(event)) {
            outbox.offer(event.json());
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
