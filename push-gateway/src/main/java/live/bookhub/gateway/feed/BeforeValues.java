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
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean before = Envelope.BEFORE_FIELD.equals(parser.currentName());
                int nameStart = (int) parser.currentTokenLocation().getCharOffset();
                parser.nextToken();
                parser.skipChildren();
                if (before) {
                    // Token starts are exact (a scalar's end is not: the parser reads it lazily).
                    JsonToken next = parser.nextToken();
                    return cut(json, nameStart, (int) parser.currentTokenLocation().getCharOffset(), next == JsonToken.END_OBJECT);
                }
            }
            return json;
        }
    }

    /**
     * Removes the member from its name up to the next token, which takes its trailing comma; the last
     * member has none, so the comma before it goes instead.
     */
    private static String cut(String json, int from, int to, boolean last) {
        String head = json.substring(0, from);
        if (last) {
            head = head.stripTrailing();
            head = head.endsWith(",") ? head.substring(0, head.length() - 1) : head;
        }
        return head + json.substring(to);
    }
}
