package live.bookhub.gateway.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Something a client is sent: an envelope or one of the gateway's own frames ({@link GatewayFrame}),
 * encoded once for every recipient.
 */
public interface OutboundFrame {

    /** The frame's {@code type}: SSE sends it as the {@code event:} line. */
    String type();

    String json();

    /**
     * The JSON as a complete WebSocket text frame (see {@link WebSocketFrames}), shared by every
     * recipient ({@link SharedFrames}): write a {@code retainedDuplicate()} of it, never it itself.
     */
    ByteBuf webSocketFrame();

    /**
     * The position an SSE client resumes from ({@code id:} line), {@code <epoch>:<id>}: an envelope's,
     * or the one a welcome or reset names; {@code null} for the gateway's other frames.
     */
    String eventId();
}
