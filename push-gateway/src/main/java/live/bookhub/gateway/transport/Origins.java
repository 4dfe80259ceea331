package live.bookhub.gateway.transport;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import live.bookhub.gateway.system.GatewayProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;

/** The {@code allowed-origins} check of both endpoints: a browser page from elsewhere may not open a stream. */
@Component
class Origins {

    private final CorsConfiguration allowed = new CorsConfiguration();

    Origins(GatewayProperties properties) {
        allowed.setAllowedOriginPatterns(properties.allowedOrigins());
    }

    /** The request's origin when it is allowed (for CORS headers), {@code ""} when it sent none, {@code null} when refused. */
    String check(HttpHeaders headers) {
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        return origin == null ? "" : allowed.checkOrigin(origin);
    }
}
