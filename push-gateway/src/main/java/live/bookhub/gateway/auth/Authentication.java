package live.bookhub.gateway.auth;

/**
 * The outcome of a connection's token: who the viewer is, and when the token was refused, why (so
 * the error frame of a protected topic can say it).
 *
 * @param viewer    the verified user, or {@link Viewer#ANONYMOUS}
 * @param rejection why a token did not count, or {@code null} when it did
 */
public record Authentication(Viewer viewer, String rejection) {

    public static final Authentication NO_TOKEN = new Authentication(Viewer.ANONYMOUS, "no token was sent");

    public static Authentication of(Viewer viewer) {
        return new Authentication(viewer, null);
    }

    public static Authentication rejected(String reason) {
        return new Authentication(Viewer.ANONYMOUS, reason);
    }
}
