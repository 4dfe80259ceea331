package live.bookhub.gateway.connection;

import live.bookhub.gateway.protocol.CloseCodes;

/**
 * Why a connection is turned away at open, with the answer for each transport.
 *
 * @param closeCode  the WebSocket close code
 * @param httpStatus the SSE response status
 * @param reason     the close reason / response text, and the {@code reason} tag of the refusal metric
 */
public record Refusal(int closeCode, int httpStatus, String reason) {

    static final Refusal DRAINING = new Refusal(CloseCodes.SERVICE_RESTART, 503, "draining");
    static final Refusal GATEWAY_FULL = new Refusal(CloseCodes.TRY_AGAIN_LATER, 503, "gateway_full");
    static final Refusal USER_LIMIT = new Refusal(CloseCodes.POLICY_VIOLATION, 429, "user_connection_limit");
}
