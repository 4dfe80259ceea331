package live.bookhub.gateway.protocol;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Pre-framed bytes in one direct buffer that every recipient's write shares: each write hands the
 * socket a {@code retainedDuplicate()} (its own indexes, the same memory), so a delivery copies
 * nothing and allocates no buffer, and the native transport writes it with one system call straight
 * from that memory.
 *
 * <p>A frame may be held in many places at once (every event loop's fan-out, resuming clients'
 * buffers, shared replay pages), so no single owner could release it. Its memory is a JDK direct
 * buffer, freed by the garbage collector once the frame is unreachable; the {@link ByteBuf} keeps one
 * reference of its own that is never released, so the writes' releases never drop it to zero.
 */
public final class SharedFrames {

    private SharedFrames() {
    }

    /** {@code frame} in a direct buffer of its own; hand out only {@code retainedDuplicate()}s of it. */
    public static ByteBuf of(byte[] frame) {
        return Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(frame.length).put(frame).flip());
    }

    /**
     * A WebSocket text frame of {@code json} without its bytes {@code cutFrom} (inclusive) to
     * {@code cutTo} (exclusive), in a direct buffer of its own: the bytes are copied once, straight
     * from the message into the frame. {@code cutFrom == cutTo} cuts nothing.
     */
    public static ByteBuf text(byte[] json, int cutFrom, int cutTo) {
        int length = json.length - (cutTo - cutFrom);
        ByteBuffer frame = ByteBuffer.allocateDirect(WebSocketFrames.headerLength(length) + length);
        WebSocketFrames.putTextHeader(frame, length);
        return Unpooled.wrappedBuffer(frame.put(json, 0, cutFrom).put(json, cutTo, json.length - cutTo).flip());
    }
}
