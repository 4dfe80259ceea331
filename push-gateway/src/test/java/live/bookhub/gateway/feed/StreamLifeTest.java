package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamLifeTest {

    @Test
    void aNewEpochIsANewLifeAndTheEndedOnesStragglersAreDropped() {
        StreamLife life = new StreamLife();
        life.moveTo("e1");

        assertThat(life.of("e1")).isEqualTo(StreamLife.Verdict.CURRENT);
        assertThat(life.of(null)).isEqualTo(StreamLife.Verdict.CURRENT);
        assertThat(life.of("e2")).isEqualTo(StreamLife.Verdict.NEW);
        life.moveTo("e2");
        assertThat(life.of("e1")).isEqualTo(StreamLife.Verdict.ENDED);
        assertThat(life.epoch()).isEqualTo("e2");
    }

    @Test
    void aStreamGoneEndsItsLifeToo() {
        StreamLife life = new StreamLife();
        life.moveTo("e1");
        life.moveTo(null);

        assertThat(life.epoch()).isNull();
        assertThat(life.of("e1")).isEqualTo(StreamLife.Verdict.ENDED);
        assertThat(life.of("e2")).isEqualTo(StreamLife.Verdict.NEW);
    }
}
