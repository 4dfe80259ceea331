package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** A collection's stored ids and documents: the stock order and id bytes, documents as BSON, and what the stock type wrote still reads. */
class DocumentTypesTest {

    private final Random random = new Random(7);

    @Test
    void idsAreWrittenAsTheStockTypeWritesThemReadBackAndCompareInItsOrder() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] id = new byte[12];
            random.nextBytes(id);
            ids.add(new ObjectId(id));
        }
        ids.addAll(List.of("book-1", 42, 7L, UUID.randomUUID(), new Document("compound", 1)));
        ObjectDataType stock = new ObjectDataType();
        DocumentIdType ours = new DocumentIdType();
        for (Object id : ids) {
            assertThat(stored(ours, id)).as("id %s", id).isEqualTo(stored(stock, id));
            assertThat(ours.read(ByteBuffer.wrap(stored(stock, id)))).isEqualTo(id);
            for (Object other : ids) {
                assertThat(Integer.signum(ours.compare(id, other))).as("%s vs %s", id, other)
                        .isEqualTo(Integer.signum(stock.compare(id, other)));
            }
        }
    }

    @Test
    void documentsReadBackAsTheyWereWrittenAndThoseTheStockTypeWroteStillRead() {
        Document book = new Document("_id", new ObjectId())
                .append("title", "Dune").append("price", 1999).append("views", 12_000_000_000L).append("rating", 4.5)
                .append("isbn", null).append("inStock", true).append("createdAt", Instant.parse("2026-11-30T21:00:00Z"))
                .append("tags", List.of("sf", 1, new Document("nested", List.of()))).append("seller", new Document("id", UUID.randomUUID()))
                .append("ts", new BsonTimestamp(42L << 32 | 1));
        DocumentValueType ours = new DocumentValueType();

        assertThat(ours.read(ByteBuffer.wrap(stored(ours, book)))).isEqualTo(book);
        assertThat(ours.read(ByteBuffer.wrap(stored(new ObjectDataType(), book)))).isEqualTo(book);
        Document odd = new Document("_id", 1).append("ratio", 0.5f); // no BSON type: stored the stock way
        assertThat(ours.read(ByteBuffer.wrap(stored(ours, odd)))).isEqualTo(odd);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] stored(DataType type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        ((BasicDataType) type).write(buffer, value);
        ByteBuffer written = buffer.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }
}
