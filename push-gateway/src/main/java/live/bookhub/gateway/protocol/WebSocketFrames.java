package live.bookhub.gateway.protocol;

/**
 * The bytes of a complete, unmasked WebSocket text frame as a server sends it (RFC 6455 §5.2). An
 * event is framed once here and the same bytes go to every recipient, instead of once per socket.
 */
public final class WebSocketFrames {

    private static final int FIN_TEXT = 0x81;
    private static final int FIN_PING = 0x89;

    private WebSocketFrames() {
    }

    /** A ping with no payload: the keep-alive, the same two bytes for every client. */
    public static byte[] ping() {
        return new byte[] {(byte) FIN_PING, 0};
    }

    public static byte[] text(byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
        byte[] frame = new byte[header + length];
        frame[0] = (byte) FIN_TEXT;
        if (header == 2) {
            frame[1] = (byte) length;
        } else if (header == 4) {
            frame[1] = 126;
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, length);
        return frame;
    }
}
