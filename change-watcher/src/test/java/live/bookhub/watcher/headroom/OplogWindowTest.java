package live.bookhub.watcher.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import live.bookhub.watcher.headroom.OplogWindow.Headroom;
import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class OplogWindowTest {

    private static final OplogWindow HOUR = new OplogWindow(new BsonTimestamp(1000, 1), new BsonTimestamp(4600, 3));

    @Test
    void aPositionAtTheNewestEntryHasTheWholeWindow() {
        assertThat(HOUR.headroomOf(new BsonTimestamp(4600, 3))).isEqualTo(new Headroom(3600, 1));
    }

    @Test
    void theHeadroomIsTheOplogBeforeThePosition() {
        assertThat(HOUR.headroomOf(new BsonTimestamp(1900, 0))).isEqualTo(new Headroom(900, 0.25));
    }

    @Test
    void aPositionBeforeTheOldestEntryHasFallenOff() {
        assertThat(HOUR.headroomOf(new BsonTimestamp(999, 7))).isEqualTo(new Headroom(0, 0));
        assertThat(HOUR.headroomOf(new BsonTimestamp(1000, 0))).isEqualTo(new Headroom(0, 0));
    }

    @Test
    void anOplogOfOneSecondIsAllHeadroomWhileThePositionIsInIt() {
        OplogWindow oneSecond = new OplogWindow(new BsonTimestamp(1000, 1), new BsonTimestamp(1000, 9));

        assertThat(oneSecond.headroomOf(new BsonTimestamp(1000, 5))).isEqualTo(new Headroom(0, 1));
    }
}
