package live.bookhub.api.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the api accepts over HTTP and the headers it sends.
 *
 * @param maxBodySize           largest request body; larger ones get 413
 * @param allowedOrigins        origins allowed to call the api cross-origin (CORS), e.g. {@code https://shop.example}; empty: same origin only
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header of every response
 */
@ConfigurationProperties("bookhub.http")
public record HttpProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; "
                + "connect-src 'self' ws: wss: http: https:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
        String contentSecurityPolicy) {
}
