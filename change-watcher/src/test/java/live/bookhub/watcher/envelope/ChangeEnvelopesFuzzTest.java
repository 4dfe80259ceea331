package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.UpdateDescription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.Topics;
import live.bookhub.watcher.support.RandomBson;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonSerializationException;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A seeded fuzz of the change → envelope mapping with random documents, updates and ids: every change
 * (its documents raw BSON, as the watcher reads them) maps without an exception escaping, to an envelope that is valid JSON, within the size cap (or cut
 * down to its id and flagged), on a topic that exists. A failure names the seed and the change.
 */
class ChangeEnvelopesFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);
    private static final DataSize CAP = DataSize.ofKilobytes(64);
    private static final String[] OPERATIONS = {"insert", "update", "replace", "delete"};

    private final EnvelopeMapper mapper = new EnvelopeMapper(CAP, new SimpleMeterRegistry());

    @Test
    void everyRandomChangeMapsToAValidEnvelopeOrToNothingWithoutAnException() {
        for (int i = 0; i < 3000; i++) {
            long seed = SEED + i;
            RandomBson bson = new RandomBson(seed);
            SplittableRandom random = bson.random();
            String collection = random.nextBoolean() ? "books" : "orders";
            ChangeStreamDocument<BsonDocument> change = change(bson, OPERATIONS[random.nextInt(OPERATIONS.length)]);

            List<Optional<Envelope>> mapped = new ArrayList<>();
            assertThatCode(() -> mapped.add(mapper.toEnvelope(collection, change))).as("seed %d: %s", seed, change).doesNotThrowAnyException();
            mapped.get(0).ifPresent(envelope -> assertValid(envelope, seed, change));
        }
    }

    @Test
    void noRandomChangesDataIsLargerThanTheBoundOnItsRawBsonThatTheSizeCapTrusts() {
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            long seed = SEED + i;
            RandomBson bson = new RandomBson(seed);
            ChangeStreamDocument<BsonDocument> change;
            try {
                change = raw(change(bson, OPERATIONS[bson.random().nextInt(OPERATIONS.length)]));
            } catch (BsonSerializationException e) {
                continue; // a name holding a NUL has no BSON form: no server sends one
            }
            long source = ChangeEnvelopes.sourceBytes("books", change);
            checked++;

            ChangeEnvelopes.toEnvelope("books", change).ifPresent(envelope -> assertThat(
                    (long) EnvelopeCodec.mapper().writeValueAsBytes(envelope.data()).length)
                    .as("seed %d: %s", seed, change).isLessThanOrEqualTo((long) DataLimit.MAX_JSON_PER_BSON_BYTE * source));
        }
        assertThat(checked).as("changes with a BSON form").isGreaterThan(1500);
    }

    private static void assertValid(Envelope envelope, long seed, ChangeStreamDocument<BsonDocument> change) {
        String json = EnvelopeCodec.toJson(envelope);
        assertThat(EnvelopeCodec.mapper().readTree(json).path("data").isObject()).as("seed %d: %s", seed, change).isTrue();
        assertThat(Topics.isWellFormed(envelope.topic())).as("seed %d: topic %s", seed, envelope.topic()).isTrue();
        long dataBytes = envelope.data().toString().getBytes(StandardCharsets.UTF_8).length;
        assertThat(dataBytes <= CAP.toBytes() || Boolean.TRUE.equals(envelope.truncated())).as("seed %d: %d bytes", seed, dataBytes).isTrue();
    }

    /** The change with its documents as raw BSON, as the watcher reads them. */
    private static ChangeStreamDocument<BsonDocument> raw(ChangeStreamDocument<BsonDocument> change) {
        UpdateDescription description = change.getUpdateDescription();
        return new ChangeStreamDocument<>(change.getOperationTypeString(), change.getResumeToken(), change.getNamespaceDocument(),
                null, null, raw(change.getFullDocument()), null, raw(change.getDocumentKey()), change.getClusterTime(),
                description == null ? null : new UpdateDescription(description.getRemovedFields(), raw(description.getUpdatedFields())),
                null, null, change.getWallTime(), null, null);
    }

    private static BsonDocument raw(BsonDocument document) {
        return document == null ? null : new RawBsonDocument(document, new BsonDocumentCodec());
    }

    /** With raw BSON documents, as the watcher reads them: decoding them is part of the mapping under test. */
    private static ChangeStreamDocument<BsonDocument> change(RandomBson bson, String operation) {
        SplittableRandom random = bson.random();
        BsonDocument full = bson.document(4);
        if (random.nextBoolean()) {
            full.put("_id", bson.value(2));
        }
        BsonDocument fullDocument = operation.equals("delete") || random.nextInt(8) == 0 ? null : full;
        UpdateDescription description = null;
        if (operation.equals("update")) {
            BsonDocument updated = new BsonDocument();
            for (int i = random.nextInt(0, 4); i > 0; i--) {
                updated.put(bson.path(), bson.value(2));
            }
            List<String> removed = new ArrayList<>();
            for (int i = random.nextInt(0, 3); i > 0; i--) {
                removed.add(bson.path());
            }
            description = new UpdateDescription(random.nextInt(6) == 0 ? null : removed, random.nextInt(6) == 0 ? null : updated);
        }
        BsonDocument documentKey = random.nextInt(10) == 0 ? new BsonDocument() : new BsonDocument("_id", bson.value(2));
        return new ChangeStreamDocument<>(operation, new BsonDocument("_data", new BsonString("82" + Long.toHexString(random.nextLong()))),
                new BsonDocument("db", new BsonString("bookhub")).append("coll", new BsonString("books")), null, null,
                fullDocument, null, documentKey, new BsonTimestamp(random.nextInt(), 1), description, null, null,
                random.nextBoolean() ? new BsonDateTime(random.nextLong()) : null, null, null);
    }
}
