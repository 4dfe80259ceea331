package live.bookhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamIdTest {

    @Test
    void ordersByMillisThenSequenceNumerically() {
        assertThat(StreamId.parse("1763800000123-10").isAfter(StreamId.parse("1763800000123-9"))).isTrue();
        assertThat(StreamId.parse("1763800000124-0").isAfter(StreamId.parse("1763800000123-99"))).isTrue();
        assertThat(StreamId.parse("5")).isEqualTo(new StreamId(5, 0));
    }

    @Test
    void printsAsRedisDoes() {
        assertThat(StreamId.parse("1763800000123-7")).hasToString("1763800000123-7");
    }

    @Test
    void rejectsMalformedIds() {
        for (String bad : new String[] {"", "abc", "1-", "-1", "1-2-3", "1-x", "99999999999999999999999-0"}) {
            assertThat(StreamId.isValid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> StreamId.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
