package live.bookhub.api.support;

import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The claims of a compact JWT, read without verifying it: what a client can see in its token. */
public final class JwtPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JwtPayload() {
    }

    public static JsonNode of(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
