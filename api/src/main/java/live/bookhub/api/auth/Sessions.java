package live.bookhub.api.auth;

import live.bookhub.api.system.ProblemException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A signed-in session: a short access JWT (in the body and the {@code bookhub_token} cookie) and a
 * rotating refresh token (in the {@code bookhub_refresh} cookie only, out of reach of scripts).
 * A refresh reads the user again, so the new token carries the role and status of now.
 */
@Component
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    /**
     * @param token     the access JWT, for an {@code Authorization: Bearer} header or a gateway's {@code access_token}
     * @param expiresIn seconds until the token expires: refresh before
     */
    record Session(String token, long expiresIn, UserView user) {
    }

    private final MongoTemplate mongo;
    private final JwtTokens tokens;
    private final RefreshTokens refreshTokens;
    private final AuthCookies cookies;
    private final AuthProperties properties;

    Sessions(MongoTemplate mongo, JwtTokens tokens, RefreshTokens refreshTokens, AuthCookies cookies,
            AuthProperties properties) {
        this.mongo = mongo;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.cookies = cookies;
        this.properties = properties;
    }

    /** Starts a new refresh family for a user who just signed up or logged in. */
    ResponseEntity<Session> start(HttpStatus status, User user) {
        return respond(status, user, refreshTokens.start(user.id()));
    }

    ResponseEntity<Session> refresh(String refreshToken) {
        RefreshTokens.Rotated rotated = refreshTokens.rotate(refreshToken)
                .orElseThrow(() -> signedOut("the session has ended or was revoked: log in again"));
        User user = mongo.findById(new ObjectId(rotated.userId()), User.class);
        if (user == null || user.disabled()) {
            refreshTokens.revokeAll(rotated.userId());
            log.info("refresh refused to user {}: the account is {}", rotated.userId(), user == null ? "deleted" : "disabled");
            throw signedOut(user == null ? "this account no longer exists" : "this account is disabled");
        }
        log.debug("user {} refreshed its session as {}", user.id(), user.role().value());
        return respond(HttpStatus.OK, user, rotated.next());
    }

    /** Revokes the refresh family (when the client still has its cookie) and expires both cookies. */
    ResponseEntity<Void> end(String refreshToken) {
        refreshTokens.revoke(refreshToken).ifPresent(userId -> log.info("user {} logged out", userId));
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.expiredAccess().toString(), cookies.expiredRefresh().toString())
                .build();
    }

    private ResponseEntity<Session> respond(HttpStatus status, User user, String refreshToken) {
        String access = tokens.issue(user);
        return ResponseEntity.status(status)
                .header(HttpHeaders.SET_COOKIE, cookies.access(access).toString(), cookies.refresh(refreshToken).toString())
                .body(new Session(access, properties.accessTokenTtl().toSeconds(), user.view()));
    }

    private static ProblemException signedOut(String message) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, null, message);
    }
}
