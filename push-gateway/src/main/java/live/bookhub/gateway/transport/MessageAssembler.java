package live.bookhub.gateway.transport;

/**
 * Assembles one WebSocket connection's client messages from their fragments, so an oversized
 * message is dropped here and answered with an error frame instead of the decoder closing
 * the connection (1009); and counts messages against the connection's rate.
 */
final class MessageAssembler {

    enum Verdict { INCOMPLETE, COMPLETE, TOO_LARGE, FLOOD }

    private final int maxChars;
    private final FrameRateLimit rate;
    private final StringBuilder partial = new StringBuilder();
    private boolean oversized;
    private boolean flooded;
    private String complete;

    MessageAssembler(int maxChars, FrameRateLimit rate) {
        this.maxChars = maxChars;
        this.rate = rate;
    }

    /** After a {@link Verdict#FLOOD} every further frame is ignored ({@link Verdict#INCOMPLETE}): the connection is closing. */
    Verdict accept(String chunk, boolean last, long nowNanos) {
        if (flooded) {
            return Verdict.INCOMPLETE;
        }
        if (!oversized) {
            if (partial.length() + chunk.length() > maxChars) {
                oversized = true;
                partial.setLength(0);
            } else {
                partial.append(chunk);
            }
        }
        if (!last) {
            return Verdict.INCOMPLETE;
        }
        if (!rate.tryTake(nowNanos)) {
            flooded = true;
            return Verdict.FLOOD;
        }
        if (oversized) {
            oversized = false;
            return Verdict.TOO_LARGE;
        }
        complete = partial.toString();
        partial.setLength(0);
        return Verdict.COMPLETE;
    }

    /** The frame completed by the last {@link #accept} that returned {@link Verdict#COMPLETE}. */
    String text() {
        return complete;
    }
}
