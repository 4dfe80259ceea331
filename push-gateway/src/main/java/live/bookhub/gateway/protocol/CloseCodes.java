package live.bookhub.gateway.protocol;

/** The close codes this gateway uses; {@code docs/protocol.md} explains each to client authors. */
public final class CloseCodes {

    /** The peer did not answer pings within the idle timeout (it will rarely see this: it is gone). */
    public static final int GOING_AWAY = 1001;
    /** The client broke the protocol (flooded frames), exceeded its per-user connection limit, or its token expired. */
    public static final int POLICY_VIOLATION = 1008;
    /** The gateway failed; reconnect and resume. */
    public static final int SERVER_ERROR = 1011;
    /** The gateway is going away (draining); reconnect to another and resume. */
    public static final int SERVICE_RESTART = 1012;
    /** The client fell too far behind, the gateway is full, or a resume could not be served now; reconnect and resume. */
    public static final int TRY_AGAIN_LATER = 1013;
    /**
     * The user was disabled or deleted: the connection's token is worth nothing now. The client renews
     * its session (which the api refuses, so it signs out) before it connects again.
     */
    public static final int SESSION_REVOKED = 4403;

    private CloseCodes() {
    }
}
