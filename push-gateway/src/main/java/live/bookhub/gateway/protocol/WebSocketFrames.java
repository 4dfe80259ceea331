package live.bookhub.gateway.protocol;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;

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
        ByteBuffer frame = ByteBuffer.allocate(headerLength(payload.length) + payload.length);
        putTextHeader(frame, payload.length);
        return frame.put(payload).array();
    }

    /** How many bytes the header of a frame with a payload of {@code length} bytes takes. */
    static int headerLength(int length) {
        return length < 126 ? 2 : length < 65_536 ? 4 : 10;
    }

    /** Writes the header of a text frame whose payload of {@code length} bytes follows. */
    static void putTextHeader(ByteBuffer frame, int length) {
        frame.put((byte) FIN_TEXT);
        int header = headerLength(length);
        if (header == 2) {
            frame.put((byte) length);
        } else if (header == 4) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
    }

    /** The payload of a frame made here (the JSON of a text frame), as a slice of it: no copy. */
    public static ByteBuf payload(ByteBuf frame) {
        int lengthByte = frame.getByte(frame.readerIndex() + 1) & 0x7f;
        int header = lengthByte < 126 ? 2 : lengthByte == 126 ? 4 : 10;
        return frame.slice(frame.readerIndex() + header, frame.readableBytes() - header);
    }
}
