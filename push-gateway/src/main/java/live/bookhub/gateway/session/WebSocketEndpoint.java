package live.bookhub.gateway.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import live.bookhub.gateway.auth.TokenVerifier;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code GET /ws?topics=…&lastEventId=…}: the WebSocket face of {@link Connections}. */
@Component
public class WebSocketEndpoint extends TextWebSocketHandler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebSocketEndpoint.class);
    private static final String CLIENT = "bookhub.client";
    private static final String INBOUND = "bookhub.inbound";

    private final Connections connections;
    private final Admission admission;
    private final TokenVerifier verifier;
    private final GatewayProperties properties;
    private final ExecutorService closer;

    WebSocketEndpoint(Connections connections, Admission admission, TokenVerifier verifier, GatewayProperties properties) {
        this.connections = connections;
        this.admission = admission;
        this.verifier = verifier;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.closer = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "ws-close-" + threads.incrementAndGet()));
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams();
        ConnectRequest request = ConnectRequest.read(name -> decoded(query.getFirst(name)),
                name -> session.getHandshakeHeaders().getFirst(name), verifier);
        Optional<Refusal> refusal = admission.admit(request.authentication().viewer());
        if (refusal.isPresent()) {
            session.close(new CloseStatus(refusal.get().closeCode(), refusal.get().reason()));
            return;
        }
        long now = System.nanoTime();
        session.getAttributes().put(INBOUND, new InboundFrames((int) properties.maxFrameSize().toBytes(),
                new FrameRateLimit(properties.maxClientFramesPerSecond(), properties.clientFrameBurst(), now)));
        try {
            session.getAttributes().put(CLIENT, connections.open(request, new WebSocketTransport(session, closer)));
        } catch (RuntimeException e) {
            admission.release(request.authentication().viewer());
            log.warn("could not open client {}: {}", session.getId(), e.toString());
            session.close(new CloseStatus(CloseCodes.SERVER_ERROR, "gateway error: reconnect and resume"));
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true; // so that InboundFrames, not the container, decides about oversized frames
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ClientSession client = (ClientSession) session.getAttributes().get(CLIENT);
        InboundFrames inbound = (InboundFrames) session.getAttributes().get(INBOUND);
        if (client == null) {
            return;
        }
        switch (inbound.accept(message.getPayload(), message.isLast(), System.nanoTime())) {
            case COMPLETE -> connections.receive(client, inbound.text());
            case TOO_LARGE -> connections.rejectOversized(client);
            case FLOOD -> connections.closeFlooding(client);
            case INCOMPLETE -> client.heard();
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        ClientSession client = (ClientSession) session.getAttributes().get(CLIENT);
        if (client != null) {
            client.heard();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("transport error on {}: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ClientSession client = (ClientSession) session.getAttributes().get(CLIENT);
        if (client != null) {
            connections.closed(client);
        }
    }

    @Override
    public void destroy() {
        closer.shutdown();
    }

    private static String decoded(String value) {
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
