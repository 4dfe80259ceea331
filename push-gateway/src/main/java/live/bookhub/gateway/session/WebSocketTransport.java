package live.bookhub.gateway.session;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.websocket.Session;
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

    private final WebSocketSession session;
    private final Session nativeSession;

    WebSocketTransport(WebSocketSession session) {
        this.session = session;
        this.nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        try {
            nativeSession.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (RuntimeException e) {
            done.accept(e);
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseStatus(code, reason));
        } catch (IOException | RuntimeException e) {
            log.debug("closing {} with {} failed: {}", session.getId(), code, e.toString());
        }
    }
}
