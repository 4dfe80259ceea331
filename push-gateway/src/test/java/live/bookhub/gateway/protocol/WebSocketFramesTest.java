package live.bookhub.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

class WebSocketFramesTest {

    @Test
    void aShortPayloadHasATwoByteHeader() {
        byte[] frame = WebSocketFrames.text(new byte[] {'h', 'i'});

        assertThat(frame).containsExactly(0x81, 2, 'h', 'i');
    }

    @Test
    void payloadsFrom126BytesCarryASixteenBitLength() {
        byte[] payload = new byte[300];
        Arrays.fill(payload, (byte) 'x');

        byte[] frame = WebSocketFrames.text(payload);

        assertThat(frame).hasSize(4 + 300);
        assertThat(frame[1]).isEqualTo((byte) 126);
        assertThat(((frame[2] & 0xff) << 8) | (frame[3] & 0xff)).isEqualTo(300);
        assertThat(Arrays.copyOfRange(frame, 4, frame.length)).isEqualTo(payload);
    }

    @Test
    void payloadsFrom64KiBCarryASixtyFourBitLength() {
        byte[] frame = WebSocketFrames.text(new byte[70_000]);

        assertThat(frame).hasSize(10 + 70_000);
        assertThat(frame[1]).isEqualTo((byte) 127);
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (frame[i] & 0xff);
        }
        assertThat(length).isEqualTo(70_000);
    }

    @Test
    void theBoundariesPickTheSmallestHeader() {
        assertThat(WebSocketFrames.text(new byte[125])[1]).isEqualTo((byte) 125);
        assertThat(WebSocketFrames.text(new byte[126])[1]).isEqualTo((byte) 126);
        assertThat(WebSocketFrames.text(new byte[65_535])[1]).isEqualTo((byte) 126);
        assertThat(WebSocketFrames.text(new byte[65_536])[1]).isEqualTo((byte) 127);
    }

    @Test
    void aSharedFrameLeavesOutTheCutAndItsPayloadIsTheRest() {
        for (int length : new int[] {10, 300, 70_000}) {
            byte[] json = new byte[length];
            Arrays.fill(json, (byte) 'x');
            json[0] = '{';
            json[length - 1] = '}';
            byte[] rest = new byte[length - 5];
            System.arraycopy(json, 0, rest, 0, 3);
            System.arraycopy(json, 8, rest, 3, length - 8);

            ByteBuf frame = SharedFrames.text(json, 3, 8);

            byte[] expected = WebSocketFrames.text(rest);
            assertThat(ByteBufUtil.getBytes(frame)).as("%d bytes", length).isEqualTo(expected);
            assertThat(ByteBufUtil.getBytes(WebSocketFrames.payload(frame))).isEqualTo(rest);
            assertThat(ByteBufUtil.getBytes(WebSocketFrames.payload(frame.slice(0, frame.readableBytes())))).isEqualTo(rest);
        }
    }
}
