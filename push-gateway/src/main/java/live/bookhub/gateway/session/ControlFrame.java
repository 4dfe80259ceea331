package live.bookhub.gateway.session;

import java.nio.charset.StandardCharsets;

import live.bookhub.gateway.stream.OutboundFrame;
import live.bookhub.gateway.stream.WebSocketFrames;

/** One of the gateway's own frames (welcome, error, pong, subscribed, sync:reset): it has no stream id. */
record ControlFrame(String type, String json, byte[] webSocketFrame) implements OutboundFrame {

    ControlFrame(String type, String json) {
        this(type, json, WebSocketFrames.text(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String eventId() {
        return null;
    }
}
