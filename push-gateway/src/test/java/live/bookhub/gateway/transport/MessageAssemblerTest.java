package live.bookhub.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import live.bookhub.gateway.transport.MessageAssembler.Verdict;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void piecesAreJoinedIntoOneFrame() {
        MessageAssembler frames = new MessageAssembler(10, new FrameRateLimit(10, 10, 0));

        assertThat(frames.accept("{\"op\"", false, 0)).isEqualTo(Verdict.INCOMPLETE);
        assertThat(frames.accept(":1}", true, 0)).isEqualTo(Verdict.COMPLETE);
        assertThat(frames.text()).isEqualTo("{\"op\":1}");
    }

    @Test
    void aFrameOverTheLimitIsDroppedWholeAndTheNextOneIsFine() {
        MessageAssembler frames = new MessageAssembler(10, new FrameRateLimit(10, 10, 0));

        assertThat(frames.accept("0123456789", false, 0)).isEqualTo(Verdict.INCOMPLETE);
        assertThat(frames.accept("abc", false, 0)).isEqualTo(Verdict.INCOMPLETE);
        assertThat(frames.accept("def", true, 0)).isEqualTo(Verdict.TOO_LARGE);
        assertThat(frames.accept("ok", true, 0)).isEqualTo(Verdict.COMPLETE);
        assertThat(frames.text()).isEqualTo("ok");
    }

    @Test
    void framesBeyondTheBurstAndTheRateAreAFloodAndNothingCountsAfterIt() {
        MessageAssembler frames = new MessageAssembler(10, new FrameRateLimit(2, 3, 0));

        for (int i = 0; i < 3; i++) {
            assertThat(frames.accept("x", true, 0)).isEqualTo(Verdict.COMPLETE);
        }
        assertThat(frames.accept("x", true, SECOND)).isEqualTo(Verdict.COMPLETE);
        assertThat(frames.accept("x", true, SECOND)).isEqualTo(Verdict.COMPLETE);
        assertThat(frames.accept("x", true, SECOND)).isEqualTo(Verdict.FLOOD);
        assertThat(frames.accept("x", true, 10 * SECOND)).isEqualTo(Verdict.INCOMPLETE);
    }
}
