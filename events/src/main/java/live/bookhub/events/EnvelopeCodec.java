package live.bookhub.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** An envelope's UTF-8 JSON wire form, and the one JSON mapper of the modules that share it. Thread-safe. */
public final class EnvelopeCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String ID_PREFIX = "{\"id\":\"";

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
        if (jsonWithoutId.length() < 2 || jsonWithoutId.charAt(0) != '{') {
            throw new IllegalArgumentException("not a JSON object");
        }
        String rest = jsonWithoutId.substring(1);
        return ID_PREFIX + id + "\"" + (rest.equals("}") ? "" : ",") + rest;
    }
}
