package live.bookhub.gateway.feed;

import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Cuts the watcher's {@code before} (the old values of a book's filterable fields, for judging filters)
 * out of an envelope's JSON, so clients get the envelope as it was before filters existed. The bytes
 * around it are kept as they are: re-serializing would change how numbers are written.
 */
final class BeforeValues {

    private BeforeValues() {
    }

    /** The envelope's JSON without its top-level {@code before}; the same string when it has none. */
    static String strip(String json) {
        try (JsonParser parser = EnvelopeCodec.mapper().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return json;
            }
            long valueEnd = parser.currentLocation().getCharOffset(); // just after '{', then after each value
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean before = Envelope.BEFORE_FIELD.equals(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
                long end = parser.currentLocation().getCharOffset();
                if (before) {
                    return cut(json, (int) valueEnd, (int) end);
                }
                valueEnd = end;
            }
            return json;
        }
    }

    /** Removes the member between the end of the previous value and the end of its own, with its comma. */
    private static String cut(String json, int from, int to) {
        String head = json.substring(0, from);
        String tail = json.substring(to);
        if (head.stripTrailing().endsWith("{")) {
            // the first member: its comma follows it
            String rest = tail.stripLeading();
            return head + (rest.startsWith(",") ? rest.substring(1).stripLeading() : rest);
        }
        return head + tail;
    }
}
