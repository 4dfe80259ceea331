package live.bookhub.gateway.feed;

import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.events.Topics;
import live.bookhub.gateway.filter.BookChange;
import live.bookhub.gateway.protocol.SharedFrames;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an envelope's UTF-8 JSON in one streaming pass: its routing fields, where its {@code before}
 * lies, and, for {@code books}, the members filters judge (as small trees; every other member is
 * skipped, not built). Then its bytes, without {@code before}, are copied once into the frame. One
 * reader per envelope.
 */
final class EnvelopeReader {

    private String id = "";
    private String epoch;
    private String topic;
    private String type = "";
    private String ts = "";
    /** {@code data}, {@code changed}, {@code truncated} and {@code before}, read while the event may be a book's. */
    private ObjectNode bookMembers;
    private int cutFrom;
    private int cutTo;

    private EnvelopeReader() {
    }

    static Event read(byte[] json) {
        return new EnvelopeReader().event(json);
    }

    private Event event(byte[] json) {
        try (JsonParser parser = EnvelopeCodec.mapper().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            boolean cut = false;
            JsonToken token = parser.nextToken();
            while (token == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                boolean before = !cut && name.equals(Envelope.BEFORE_FIELD);
                int nameStart = before ? tokenStart(parser) : -1;
                parser.nextToken();
                member(name, parser);
                token = parser.nextToken();
                if (before) {
                    // Token starts are exact (a scalar's end is not: the parser reads it lazily).
                    cutFrom = BeforeValues.cutFrom(json, nameStart, token == JsonToken.END_OBJECT);
                    cutTo = tokenStart(parser);
                    cut = true;
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("not one JSON object");
            }
        }
        String routedTopic = topic == null ? "" : topic;
        BookChange book = routedTopic.equals(Topics.BOOKS) && bookMembers != null ? BookChange.of(bookMembers.put("type", type)) : null;
        return new Event(new StreamPosition(epoch, StreamId.parse(id)), routedTopic, type, Timestamps.epochMillis(ts),
                SharedFrames.text(json, cutFrom, cutTo), book);
    }

    private static int tokenStart(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    private void member(String name, JsonParser parser) {
        switch (name) {
            case "id" -> id = text(parser);
            case "epoch" -> epoch = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString() : null;
            case "topic" -> topic = text(parser);
            case "type" -> type = text(parser);
            case "ts" -> ts = text(parser);
            case "data", "changed", "truncated", Envelope.BEFORE_FIELD -> {
                // The topic comes before these in the watcher's envelopes: other topics skip them unread.
                if (topic == null || topic.equals(Topics.BOOKS)) {
                    if (bookMembers == null) {
                        bookMembers = EnvelopeCodec.mapper().createObjectNode();
                    }
                    bookMembers.set(name, (JsonNode) parser.readValueAsTree());
                } else {
                    parser.skipChildren();
                }
            }
            default -> parser.skipChildren();
        }
    }

    /** A scalar's text (a number's as written), {@code ""} for anything else: as the tree's {@code asString("")} read it. */
    private static String text(JsonParser parser) {
        if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
            return "";
        }
        String text = parser.getValueAsString();
        return text == null ? "" : text;
    }
}
