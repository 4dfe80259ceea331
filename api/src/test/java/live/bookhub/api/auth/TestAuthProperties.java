package live.bookhub.api.auth;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link AuthProperties} as Spring binds them, defaults included, for tests without a context. */
final class TestAuthProperties {

    private TestAuthProperties() {
    }

    /** @param settings pairs of a property name under {@code bookhub.auth.} and its value */
    static AuthProperties of(String... settings) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        for (int i = 0; i < settings.length; i += 2) {
            source.put("bookhub.auth." + settings[i], settings[i + 1]);
        }
        return new Binder(source).bindOrCreate("bookhub.auth", AuthProperties.class);
    }
}
