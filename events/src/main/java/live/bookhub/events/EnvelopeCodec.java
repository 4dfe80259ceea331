package live.bookhub.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** An envelope's UTF-8 JSON wire form, and the one JSON mapper of the modules that share it. Thread-safe. */
public final class EnvelopeCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String ID_PREFIX = "{\"id\":\"";
    private static final String EPOCH_PREFIX = "\"epoch\":\"";

    private EnvelopeCodec() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String toJson(Envelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /**
     * Adds the stream id to an envelope serialized without one, as the first field. The watcher's
     * append script does the same in Lua, so the stream and the live channel carry identical bytes.
     */
    public static String withId(String jsonWithoutId, String id) {
        return withPosition(jsonWithoutId, id, null);
    }

    /**
     * Adds the stream id and, when known, the stream's epoch as the first fields, as the append script
     * publishes the live copy: {@code {"id":"…","epoch":"…",…}}. A client's position is the two together.
     */
    public static String withPosition(String jsonWithoutId, String id, String epoch) {
        if (jsonWithoutId.length() < 2 || jsonWithoutId.charAt(0) != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        String rest = jsonWithoutId.substring(1);
        String head = epoch == null ? ID_PREFIX + id + "\"" : ID_PREFIX + id + "\"," + EPOCH_PREFIX + epoch + "\"";
        return head + (rest.equals("}") ? "" : ",") + rest;
    }
}
