package live.bookhub.gateway.system;

/**
 * The order of the gateway's start and stop ({@code SmartLifecycle} phases: lower starts first and
 * stops last). On SIGTERM the clients are drained first, then their port closes, then the subscription ends.
 */
public final class Phases {

    /** The Redis subscription: running before the first client arrives, so no event falls between. */
    public static final int LIVE_EVENTS = Integer.MAX_VALUE - 8192;
    public static final int CLIENT_SERVER = Integer.MAX_VALUE - 4096;
    /** Drain: stops before everything else. */
    public static final int DRAIN = Integer.MAX_VALUE;

    private Phases() {
    }
}
