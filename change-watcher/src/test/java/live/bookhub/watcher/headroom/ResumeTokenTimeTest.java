package live.bookhub.watcher.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonTimestamp;
import org.junit.jupiter.api.Test;

class ResumeTokenTimeTest {

    @Test
    void aMongoDbTokenStartsWithItsClusterTime() {
        // an event token of MongoDB 6: KeyString Timestamp(1671541443, 1), then version, event type, document key...
        String data = "8263A1B2C3000000012B022C0100296E5A1004A5093ABB38FE4B9EA67F01BB1A96D812463C5F6964003C2D2D2D000004";

        assertThat(ResumeTokenTime.of(data)).contains(new BsonTimestamp(1671541443, 1));
    }

    @Test
    void aPostBatchTokenCarriesItsTimeTheSameWay() {
        assertThat(ResumeTokenTime.of("82690A1B2C00000A2D0104")).contains(new BsonTimestamp(0x690A1B2C, 0xA2D));
    }

    @Test
    void aTokenOfAnotherShapeHasNoTime() {
        assertThat(ResumeTokenTime.of("00000190A1B2C3D4E5F60718")).isEmpty();
        assertThat(ResumeTokenTime.of("8263A1")).isEmpty();
        assertThat(ResumeTokenTime.of("82XYZ1B2C3000000012B")).isEmpty();
        assertThat(ResumeTokenTime.of(null)).isEmpty();
    }
}
