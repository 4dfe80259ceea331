package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonUndefined;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
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

    @Test
    void rawDocumentsSmallEnoughToProveTheirDataSmallAreKeptAndLargerOnesStillMeasured() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EnvelopeMapper mapper = new EnvelopeMapper(DataSize.ofKilobytes(1), meters);
        BsonDocument big = new BsonDocument("_id", new BsonString("b1")).append("blurb", new BsonString("x".repeat(2000)));
        BsonDocument under = new BsonDocument("_id", new BsonString("b2")).append("blurb", new BsonString("x".repeat(900)));
        BsonDocument small = new BsonDocument("_id", new BsonString("b3")).append("blurb", new BsonString("x"));

        assertThat(mapper.toEnvelope("books", insert(raw(big))).orElseThrow().truncated()).isTrue();
        assertThat(mapper.toEnvelope("books", insert(raw(under))).orElseThrow().truncated()).isNull();
        assertThat(mapper.toEnvelope("books", insert(raw(small))).orElseThrow().truncated()).isNull();
    }

    /**
     * The worst mappings of BSON to JSON found: an {@code _id} document of unnamed regular expressions or
     * undefined values (the driver's JSON, escaped inside a JSON string), unnamed undefined values, names of
     * control characters. Each stays under the bound {@link DataLimit} relies on.
     */
    @Test
    void noDocumentMapsToMoreJsonPerByteOfBsonThanTheBound() {
        BsonDocument regexIds = new BsonDocument();
        BsonDocument undefinedIds = new BsonDocument();
        BsonDocument odd = new BsonDocument();
        for (int i = 0; i < 50; i++) {
            String unnamed = "\u0001".repeat(i % 2);
            regexIds.put(unnamed + "\"".repeat(i / 2), new BsonRegularExpression("", ""));
            undefinedIds.put(unnamed + "\"".repeat(i / 2), new BsonUndefined());
            odd.put("\u0001".repeat(i), i % 2 == 0 ? new BsonUndefined() : new BsonRegularExpression("\u0001", ""));
        }
        for (BsonDocument document : List.of(new BsonDocument("_id", regexIds), new BsonDocument("_id", undefinedIds), odd,
                new BsonDocument("", new BsonUndefined()), new BsonDocument("_id", new BsonDocument("", new BsonUndefined())))) {
            RawBsonDocument raw = raw(document);
            long json = EnvelopeCodec.mapper().writeValueAsBytes(DocumentJson.toJson(raw)).length;

            assertThat(json).as("%s", document).isLessThanOrEqualTo((long) DataLimit.MAX_JSON_PER_BSON_BYTE * raw.getByteBuffer().remaining());
        }
    }

    private static RawBsonDocument raw(BsonDocument document) {
        return new RawBsonDocument(document, new BsonDocumentCodec());
    }

    private static ChangeStreamDocument<RawBsonDocument> insert(RawBsonDocument document) {
        return new ChangeStreamDocument<>("insert", new BsonDocument("_data", new BsonString("8200AB")), null, null, null,
                document, null, raw(new BsonDocument("_id", document.get("_id"))), null, null, null, null, null, null, null);
    }

    private static Envelope envelope(int blurbLength) {
        ObjectNode data = EnvelopeCodec.mapper().createObjectNode().put("id", "b1").put("blurb", "x".repeat(blurbLength));
        ObjectNode before = EnvelopeCodec.mapper().createObjectNode().put("genre", "sf").put("stock", 3);
        return new Envelope(null, "book:updated", "books", Instant.parse("2026-11-22T10:00:00Z"), "8200AB", data,
                List.of("blurb"), null, before);
    }
}
