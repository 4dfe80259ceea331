package live.bookhub.api.auth;

import java.time.Duration;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The two httpOnly cookies of a browser session: {@code bookhub_token}, the access JWT, sent
 * everywhere on the site (the gateways read it too) and SameSite=Lax; and {@code bookhub_refresh},
 * the refresh token, sent only to {@code /api/auth} (refresh and logout) and SameSite=Strict.
 */
@Component
class AuthCookies {

    static final String ACCESS = "bookhub_token";
    static final String REFRESH = "bookhub_refresh";
    static final String REFRESH_PATH = "/api/auth";

    private final AuthProperties properties;

    AuthCookies(AuthProperties properties) {
        this.properties = properties;
    }

    ResponseCookie access(String token) {
        return cookie(ACCESS, token, "/", "Lax", properties.accessTokenTtl());
    }

    ResponseCookie refresh(String token) {
        return cookie(REFRESH, token, REFRESH_PATH, "Strict", properties.refreshTokenTtl());
    }

    ResponseCookie expiredAccess() {
        return cookie(ACCESS, "", "/", "Lax", Duration.ZERO);
    }

    ResponseCookie expiredRefresh() {
        return cookie(REFRESH, "", REFRESH_PATH, "Strict", Duration.ZERO);
    }

    private ResponseCookie cookie(String name, String value, String path, String sameSite, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(properties.cookieSecure())
                .sameSite(sameSite)
                .path(path)
                .maxAge(maxAge)
                .build();
    }
}
