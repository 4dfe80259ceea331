package live.bookhub.gateway.session;

import live.bookhub.gateway.stream.OutboundFrame;

/** One of the gateway's own frames (welcome, error, pong, subscribed, sync:reset): it has no stream id. */
record ControlFrame(String type, String json) implements OutboundFrame {

    @Override
    public String eventId() {
        return null;
    }
}
