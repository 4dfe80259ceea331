package live.bookhub.gateway.transport;

/**
 * A token bucket of client frames: {@code perSecond} on average with bursts up to {@code burst}.
 * Not thread-safe: a connection's frames are read one at a time, on its event loop.
 */
final class FrameRateLimit {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    FrameRateLimit(int perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes one frame's token; {@code false} when the client is over its rate. */
    boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
