package live.bookhub.gateway.session;

import java.nio.charset.StandardCharsets;

import live.bookhub.gateway.stream.OutboundFrame;

/** One of the gateway's own frames (welcome, error, pong, subscribed, sync:reset): it has no stream id. */
record ControlFrame(String type, String json, byte[] utf8) implements OutboundFrame {

    ControlFrame(String type, String json) {
        this(type, json, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String eventId() {
        return null;
    }
}
