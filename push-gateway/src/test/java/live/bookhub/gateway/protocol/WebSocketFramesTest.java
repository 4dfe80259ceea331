package live.bookhub.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

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
}
