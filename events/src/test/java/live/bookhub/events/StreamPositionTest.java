package live.bookhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void readsAndWritesTheEpochFormAndABareId() {
        assertThat(StreamPosition.parse("9f3a0c1b2d4e5f60:1763800000123-4"))
                .isEqualTo(new StreamPosition("9f3a0c1b2d4e5f60", new StreamId(1763800000123L, 4)));
        assertThat(StreamPosition.parse("9f3a0c1b2d4e5f60:1763800000123-4")).hasToString("9f3a0c1b2d4e5f60:1763800000123-4");
        assertThat(StreamPosition.parse("12-0")).isEqualTo(new StreamPosition(null, new StreamId(12, 0)));
        assertThat(StreamPosition.parse("12-0")).hasToString("12-0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "e:", ":1-0", "e:x", "e:1-0:2", "ab-cd:1-0", "e f:1-0", "../etc:1-0",
            "0123456789abcdef0123456789abcdef0:1-0"})
    void refusesWhatIsNoPosition(String text) {
        assertThat(StreamPosition.isValid(text)).isFalse();
        assertThatThrownBy(() -> StreamPosition.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void positionsShareAnEpochOnlyWhenBothKnowTheSameOne() {
        StreamPosition a = StreamPosition.parse("aa:1-0");
        assertThat(a.sameEpoch(StreamPosition.parse("aa:9-0"))).isTrue();
        assertThat(a.sameEpoch(StreamPosition.parse("bb:1-0"))).isFalse();
        assertThat(a.sameEpoch(StreamPosition.parse("1-0"))).isFalse();
        assertThat(StreamPosition.NONE.sameEpoch(StreamPosition.NONE)).isFalse();
    }
}
