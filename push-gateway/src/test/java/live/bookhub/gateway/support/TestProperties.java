package live.bookhub.gateway.support;

import java.util.Map;

import live.bookhub.gateway.auth.TokenProperties;
import live.bookhub.gateway.system.GatewayProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The gateway's properties as Spring binds them, defaults included, for unit tests. */
public final class TestProperties {

    private TestProperties() {
    }

    /** @param settings property names under {@code bookhub.gateway.} with their values */
    public static GatewayProperties of(Map<String, String> settings) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        settings.forEach((name, value) -> source.put("bookhub.gateway." + name, value));
        return new Binder(source).bindOrCreate("bookhub.gateway", GatewayProperties.class);
    }

    /** {@link TokenProperties} with their defaults: what the api's tokens carry. */
    public static TokenProperties token() {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate("bookhub.gateway.token", TokenProperties.class);
    }
}
