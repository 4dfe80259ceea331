package live.bookhub.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    private static final String ID = "1763800000123-0";

    private final Envelope updated = updated(null);

    @Test
    void serializesTheContractFieldsInOrderAndLeavesOutWhatIsAbsent() {
        assertThat(EnvelopeCodec.toJson(updated)).isEqualTo(
                "{\"type\":\"book:updated\",\"topic\":\"books\",\"ts\":\"2026-11-22T10:00:00.123Z\","
                        + "\"token\":\"8263AB\",\"data\":{\"id\":\"665f\",\"price\":1299},\"changed\":[\"price\"]}");
    }

    @Test
    void splicingTheIdGivesTheSameBytesAsSerializingWithIt() {
        String spliced = EnvelopeCodec.withId(EnvelopeCodec.toJson(updated), ID);
        assertThat(spliced).isEqualTo(EnvelopeCodec.toJson(updated(ID)));
        assertThat(EnvelopeCodec.mapper().readValue(spliced, Envelope.class)).isEqualTo(updated(ID));
    }

    @Test
    void splicesTheEpochAfterTheIdAsTheAppendScriptPublishesIt() {
        String spliced = EnvelopeCodec.withPosition(EnvelopeCodec.toJson(updated), ID, "9f3a0c1b2d4e5f60");
        assertThat(spliced).startsWith("{\"id\":\"" + ID + "\",\"epoch\":\"9f3a0c1b2d4e5f60\",\"type\":\"book:updated\",");
        assertThat(EnvelopeCodec.mapper().readValue(spliced, Envelope.class)).isEqualTo(updated(ID));
        assertThat(EnvelopeCodec.withPosition("{}", "1-0", "e")).isEqualTo("{\"id\":\"1-0\",\"epoch\":\"e\"}");
    }

    @Test
    void splicesIntoAnEmptyObject() {
        assertThat(EnvelopeCodec.withId("{}", "1-0")).isEqualTo("{\"id\":\"1-0\"}");
    }

    @Test
    void rejectsWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> EnvelopeCodec.withId("nope", "1-0")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Envelope updated(String id) {
        return new Envelope(id, "book:updated", Topics.BOOKS, Instant.parse("2026-11-22T10:00:00.123Z"), "8263AB",
                EnvelopeCodec.mapper().readTree("{\"id\":\"665f\",\"price\":1299}"), List.of("price"), null);
    }
}
