package live.bookhub.api.auth;

import java.time.Duration;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/** The httpOnly, SameSite=Lax cookie that carries the JWT for browsers (the gateways read it too). */
@Component
class AuthCookies {

    static final String NAME = "bookhub_token";

    private final AuthProperties properties;

    AuthCookies(AuthProperties properties) {
        this.properties = properties;
    }

    ResponseCookie carrying(String token) {
        return cookie(token, properties.tokenTtl());
    }

    ResponseCookie expired() {
        return cookie("", Duration.ZERO);
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(properties.cookieSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }
}
