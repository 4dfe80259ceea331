package live.bookhub.gateway.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import live.bookhub.gateway.stream.OutboundFrame;
import org.apache.tomcat.websocket.PreEncodedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Sends through the container's asynchronous remote: a write to a slow peer waits in the container,
 * not on one of our threads.
 */
final class WebSocketTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(WebSocketTransport.class);
    /** Tomcat's bound on a blocking send; pings are the only blocking sends, and must not hang the heartbeat. */
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    private static final long PING_TIMEOUT_MILLIS = 2_000;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final WebSocketSession session;
    private final Session nativeSession;
    private final RemoteEndpoint.Async remote;
    private final boolean preEncoded;
    private final Executor closer;
    private final AtomicBoolean closing = new AtomicBoolean();

    /**
     * @param closer runs closes: the container's close waits (up to the send timeout) for a write in
     *               flight, and the thread that decides to close a client may be the fan-out's
     */
    WebSocketTransport(WebSocketSession session, Executor closer) {
        this.session = session;
        this.closer = closer;
        this.nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
        this.remote = nativeSession.getAsyncRemote();
        this.preEncoded = PreEncodedText.supports(remote);
        nativeSession.getUserProperties().put(BLOCKING_SEND_TIMEOUT, PING_TIMEOUT_MILLIS);
    }

    @Override
    public void send(OutboundFrame frame, Consumer<Throwable> done) {
        try {
            SendHandler handler = result -> done.accept(result.isOK() ? null : result.getException());
            if (preEncoded) {
                PreEncodedText.send(remote, ByteBuffer.wrap(frame.utf8()), handler);
            } else {
                remote.sendText(frame.json(), handler);
            }
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void ping(Consumer<Throwable> done) {
        try {
            remote.sendPing(EMPTY.duplicate());
            done.accept(null);
        } catch (IOException | RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public boolean answersPings() {
        return true;
    }

    @Override
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closer.execute(() -> {
            try {
                session.close(new CloseStatus(code, reason));
            } catch (IOException | RuntimeException e) {
                log.debug("closing {} with {} failed: {}", session.getId(), code, e.toString());
            }
        });
    }
}
