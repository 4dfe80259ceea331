package live.bookhub.gateway.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.netty.buffer.ByteBuf;

/**
 * Frames laid end to end in one shared direct buffer ({@link SharedFrames}): each frame's
 * {@link OutboundFrame#webSocketFrame()} is a slice of it, so consecutive frames are consecutive
 * bytes and a run of them reaches a socket as one write of one {@code retainedSlice} instead of one
 * write per frame. A page of a replay is framed so once, for every client that resumes through it.
 */
public final class FrameBlock<F extends OutboundFrame> {

    private final List<F> frames;
    private final ByteBuf bytes;
    /** Where each frame begins in {@link #bytes}, and one past the last frame's end. */
    private final int[] offsets;

    private FrameBlock(List<F> frames, ByteBuf bytes, int[] offsets) {
        this.frames = frames;
        this.bytes = bytes;
        this.offsets = offsets;
    }

    /** {@code frames} copied end to end into one buffer, each given back by {@code reframed} with its slice of it. */
    public static <F extends OutboundFrame> FrameBlock<F> of(List<F> frames, BiFunction<F, ByteBuf, F> reframed) {
        int[] offsets = new int[frames.size() + 1];
        for (int i = 0; i < frames.size(); i++) {
            offsets[i + 1] = offsets[i] + frames.get(i).webSocketFrame().readableBytes();
        }
        byte[] joined = new byte[offsets[frames.size()]];
        for (int i = 0; i < frames.size(); i++) {
            ByteBuf frame = frames.get(i).webSocketFrame();
            frame.getBytes(frame.readerIndex(), joined, offsets[i], frame.readableBytes());
        }
        ByteBuf bytes = SharedFrames.of(joined);
        List<F> sliced = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            sliced.add(reframed.apply(frames.get(i), bytes.slice(offsets[i], offsets[i + 1] - offsets[i])));
        }
        return new FrameBlock<>(List.copyOf(sliced), bytes, offsets);
    }

    /** The frames, in order; each one's WebSocket frame lies in this block. */
    public List<F> frames() {
        return frames;
    }

    /** The WebSocket frames {@code from} (inclusive) to {@code to} (exclusive) as one retained slice: for one write. */
    public ByteBuf webSocketFrames(int from, int to) {
        return bytes.retainedSlice(offsets[from], offsets[to] - offsets[from]);
    }
}
