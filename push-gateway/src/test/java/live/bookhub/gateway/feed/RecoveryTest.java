package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import org.junit.jupiter.api.Test;

class RecoveryTest {

    /** A stream in epoch e2 whose life began at 100, holding 150 to 300 (up to 120 was trimmed). */
    private static final StreamState STREAM = new StreamState("e2", id(100), id(150), id(300), id(120));

    @Test
    void aPositionOfTheCurrentEpochThatTheStreamStillFollowsResumesWhereItWas() {
        assertThat(Recovery.start(STREAM, "e2:200-0")).isEqualTo(new Recovery.Start(at("e2", 200), Optional.empty()));
        assertThat(Recovery.start(STREAM, "e2:140-0").gap()).isEmpty(); // 121 to 149 were never there
        assertThat(Recovery.start(STREAM, "e2:300-0").gap()).isEmpty();
    }

    @Test
    void aPositionOfAnotherEpochResetsToTheStreamsEndWhateverItsId() {
        for (String position : new String[] {"e1:200-0", "e1:50-0", "e1:900-0"}) {
            assertThat(Recovery.start(STREAM, position)).isEqualTo(new Recovery.Start(at("e2", 300), Optional.of(HistoryGap.EPOCH_CHANGED)));
        }
    }

    @Test
    void aBareIdIsCheckedAsFarAsTheStreamCanTell() {
        assertThat(Recovery.start(STREAM, "99-0").gap()).contains(HistoryGap.EPOCH_CHANGED);
        assertThat(Recovery.start(STREAM, "200-0")).isEqualTo(new Recovery.Start(at("e2", 200), Optional.empty()));
        assertThat(Recovery.start(STREAM, "301-0").gap()).contains(HistoryGap.UNKNOWN_POSITION);
        assertThat(Recovery.start(STREAM, "110-0").gap()).contains(HistoryGap.HISTORY_LOST);
    }

    @Test
    void trimmedEntriesAfterThePositionLoseHistory() {
        assertThat(Recovery.start(STREAM, "e2:110-0").gap()).contains(HistoryGap.HISTORY_LOST);
        StreamState redis6 = new StreamState("e2", id(100), id(150), id(300), null);
        assertThat(Recovery.start(redis6, "e2:140-0").gap()).contains(HistoryGap.HISTORY_LOST);
    }

    @Test
    void withoutAStreamOnlyTheStartIsAPositionAndAnEpochIsAnotherOne() {
        assertThat(Recovery.start(StreamState.NO_STREAM, null)).isEqualTo(new Recovery.Start(StreamPosition.NONE, Optional.empty()));
        assertThat(Recovery.start(StreamState.NO_STREAM, "0-0").gap()).isEmpty();
        assertThat(Recovery.start(StreamState.NO_STREAM, "5-0").gap()).contains(HistoryGap.UNKNOWN_POSITION);
        assertThat(Recovery.start(StreamState.NO_STREAM, "e1:5-0").gap()).contains(HistoryGap.EPOCH_CHANGED);
    }

    @Test
    void noPositionStartsAtTheEndAndAMalformedOneResetsThere() {
        assertThat(Recovery.start(STREAM, null)).isEqualTo(new Recovery.Start(at("e2", 300), Optional.empty()));
        assertThat(Recovery.start(STREAM, "e2:x")).isEqualTo(new Recovery.Start(at("e2", 300), Optional.of(HistoryGap.MALFORMED_LAST_EVENT_ID)));
    }

    private static StreamPosition at(String epoch, long millis) {
        return new StreamPosition(epoch, id(millis));
    }

    private static StreamId id(long millis) {
        return new StreamId(millis, 0);
    }
}
