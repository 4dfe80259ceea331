package live.bookhub.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

class FrameBlockTest {

    @Test
    void eachFrameKeepsItsBytesAndARunOfThemIsTheirBytesEndToEnd() {
        GatewayFrame a = GatewayFrame.error("a", "first");
        GatewayFrame b = GatewayFrame.pong();
        GatewayFrame c = GatewayFrame.error("c", "x".repeat(300)); // a longer header

        FrameBlock<GatewayFrame> block = FrameBlock.of(List.of(a, b, c), FrameBlockTest::reframed);

        assertThat(block.frames()).extracting(GatewayFrame::json).containsExactly(a.json(), b.json(), c.json());
        for (int i = 0; i < 3; i++) {
            assertThat(hex(block.frames().get(i).webSocketFrame())).isEqualTo(hex(List.of(a, b, c).get(i).webSocketFrame()));
        }
        ByteBuf run = block.webSocketFrames(1, 3);
        try {
            assertThat(hex(run)).isEqualTo(hex(b.webSocketFrame()) + hex(c.webSocketFrame()));
        } finally {
            run.release();
        }
    }

    private static GatewayFrame reframed(GatewayFrame frame, ByteBuf bytes) {
        return new GatewayFrame(frame.type(), frame.json(), bytes, frame.eventId());
    }

    private static String hex(ByteBuf bytes) {
        return ByteBufUtil.hexDump(bytes);
    }
}
