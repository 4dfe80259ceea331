package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.node.ObjectNode;

class DataLimitTest {

    @Test
    void dataUpToTheLimitIsKept() {
        Envelope envelope = envelope(1000);
        long size = EnvelopeCodec.mapper().writeValueAsBytes(envelope.data()).length;

        assertThat(new DataLimit(size).apply(envelope, -1)).isSameAs(envelope);
    }

    @Test
    void dataOverTheLimitIsCutDownToTheIdAndFlaggedKeepingWhatTheBookWasBefore() {
        Envelope envelope = envelope(1000);
        long size = EnvelopeCodec.mapper().writeValueAsBytes(envelope.data()).length;

        Envelope truncated = new DataLimit(size - 1).apply(envelope, -1);

        assertThat(truncated.data().toString()).isEqualTo("{\"id\":\"b1\"}");
        assertThat(truncated.truncated()).isTrue();
        assertThat(truncated).usingRecursiveComparison().ignoringFields("data", "truncated").isEqualTo(envelope);
    }

    @Test
    void theMapperCountsWhatItCutDown() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EnvelopeMapper mapper = new EnvelopeMapper(DataSize.ofKilobytes(1), meters);
        org.bson.Document big = new org.bson.Document("_id", "b1").append("blurb", "x".repeat(2000));
        org.bson.Document small = new org.bson.Document("_id", "b2").append("blurb", "x");

        Envelope cut = mapper.toEnvelope("books", ChangeEnvelopesTest.insert(big)).orElseThrow();
        Envelope kept = mapper.toEnvelope("books", ChangeEnvelopesTest.insert(small)).orElseThrow();

        assertThat(cut.truncated()).isTrue();
        assertThat(kept.truncated()).isNull();
        assertThat(meters.get("bookhub.watcher.events.truncated").counter().count()).isEqualTo(1);
    }

    private static Envelope envelope(int blurbLength) {
        ObjectNode data = EnvelopeCodec.mapper().createObjectNode().put("id", "b1").put("blurb", "x".repeat(blurbLength));
        ObjectNode before = EnvelopeCodec.mapper().createObjectNode().put("genre", "sf").put("stock", 3);
        return new Envelope(null, "book:updated", "books", Instant.parse("2026-11-22T10:00:00Z"), "8200AB", data,
                List.of("blurb"), null, before);
    }
}
