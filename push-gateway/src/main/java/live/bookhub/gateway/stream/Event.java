package live.bookhub.gateway.stream;

import live.bookhub.events.StreamId;

/**
 * An envelope as the gateway forwards it: parsed once for routing, its JSON sent as is to every
 * subscriber.
 */
public record Event(StreamId id, String topic, String type, String json) {
}
