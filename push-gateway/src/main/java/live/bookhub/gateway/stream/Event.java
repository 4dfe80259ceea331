package live.bookhub.gateway.stream;

import live.bookhub.events.StreamId;

/**
 * An envelope as the gateway forwards it: parsed once for routing, its JSON framed once and sent as
 * is to every subscriber.
 *
 * @param tsMillis       the envelope's {@code ts} in epoch milliseconds, 0 when it has none (for the lag metric)
 * @param webSocketFrame {@code json} as a WebSocket text frame, shared by every recipient: never modify it
 */
public record Event(StreamId id, String topic, String type, long tsMillis, String json, byte[] webSocketFrame) implements OutboundFrame {

    @Override
    public String eventId() {
        return id.toString();
    }
}
