package live.bookhub.gateway.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import live.bookhub.events.Topics;
import live.bookhub.gateway.auth.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code GET /ws?topics=…&lastEventId=…}: the WebSocket face of {@link Connections}. */
@Component
public class WebSocketEndpoint extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(WebSocketEndpoint.class);
    private static final String CLIENT = "bookhub.client";

    private final Connections connections;

    WebSocketEndpoint(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams();
        String topics = decoded(query.getFirst("topics"));
        List<String> requested = topics == null || topics.isBlank() ? List.of(Topics.BOOKS)
                : Arrays.stream(topics.split(",")).map(String::trim).filter(topic -> !topic.isEmpty()).distinct().toList();
        ClientSession client = connections.open(Viewer.ANONYMOUS, new WebSocketTransport(session), requested,
                decoded(query.getFirst("lastEventId")));
        session.getAttributes().put(CLIENT, client);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ClientSession client = (ClientSession) session.getAttributes().get(CLIENT);
        if (client != null) {
            connections.receive(client, message.getPayload());
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

    private static String decoded(String value) {
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
