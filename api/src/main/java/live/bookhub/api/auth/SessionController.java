package live.bookhub.api.auth;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Keeps a browser session going with its refresh cookie, and ends it. */
@RestController
@RequestMapping("/api/auth")
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    /** A new access token and a new refresh token for the current one; 401 when it is not current. */
    @PostMapping("/refresh")
    ResponseEntity<Sessions.Session> refresh(@CookieValue(name = AuthCookies.REFRESH, required = false) String refreshToken) {
        return sessions.refresh(refreshToken);
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logOut(@CookieValue(name = AuthCookies.REFRESH, required = false) String refreshToken) {
        return sessions.end(refreshToken);
    }
}
