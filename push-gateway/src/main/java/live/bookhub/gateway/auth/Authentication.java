package live.bookhub.gateway.auth;

import java.time.Instant;

/**
 * The outcome of a connection's token: who the viewer is, until when, and when the token was refused,
 * why (so the error frame of a protected topic can say it).
 *
 * @param viewer    the verified user, or {@link Viewer#ANONYMOUS}
 * @param rejection why a token did not count, or {@code null} when it did
 * @param expiresAt when the verified token expires, or {@code null} for anonymous viewers
 */
public record Authentication(Viewer viewer, String rejection, Instant expiresAt) {

    public static final Authentication NO_TOKEN = new Authentication(Viewer.ANONYMOUS, "no token was sent", null);

    public static Authentication of(Viewer viewer, Instant expiresAt) {
        return new Authentication(viewer, null, expiresAt);
    }

    public static Authentication rejected(String reason) {
        return new Authentication(Viewer.ANONYMOUS, reason, null);
    }

    /** The same token, counted as {@code lowered} from now: the user's rights were taken down since it was issued. */
    public Authentication lowerTo(Viewer lowered) {
        return new Authentication(lowered, rejection, expiresAt);
    }

    /** Whether the rights this token gave have run out: a connection may not outlive its token. */
    public boolean hasExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
