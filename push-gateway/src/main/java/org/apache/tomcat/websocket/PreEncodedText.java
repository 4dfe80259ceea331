package org.apache.tomcat.websocket;

import java.nio.ByteBuffer;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;

/**
 * Sends a text message whose UTF-8 bytes are already encoded. The standard API takes a String and
 * Tomcat encodes it again for every recipient; the gateway encodes each event once and hands the
 * same bytes to all its subscribers (about a tenth of the fan-out's CPU in a profile). It lives in
 * Tomcat's package because the call it needs is package-private there; {@link #supports} tells when
 * the container is not Tomcat, and callers then use {@code sendText}.
 */
public final class PreEncodedText {

    private PreEncodedText() {
    }

    public static boolean supports(RemoteEndpoint.Async remote) {
        return remote instanceof WsRemoteEndpointBase;
    }

    /** Like {@code sendText(String, SendHandler)}; {@code utf8} must not be changed until {@code handler} ran. */
    public static void send(RemoteEndpoint.Async remote, ByteBuffer utf8, SendHandler handler) {
        ((WsRemoteEndpointBase) remote).base.startMessage(Constants.OPCODE_TEXT, utf8, true, handler);
    }
}
