package live.bookhub.embedded.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of a collection's data map: each document stored as its BSON, behind a tag of its own.
 * The stock map stores documents by Java serialization, which cost more CPU than the writes themselves
 * each time the store wrote its changed pages, and again each time it reloaded an evicted one. Documents
 * stored the stock way (a data folder written before) still read, through {@link ObjectDataType}; a folder
 * written here is not readable by the stock backend (it stops at the unknown tag).
 */
final class DocumentValueType extends BasicDataType<Document> {

    /** Outside {@link ObjectDataType}'s tags (0 to 119), which it refuses as "Unknown tag". */
    private static final byte BSON_DOCUMENT = (byte) 0xBD;
    private static final int INITIAL_MEMORY_ESTIMATE = 1024;

    private final ObjectDataType stock = new ObjectDataType();
    /** Twice the average stored size, as H2 estimates serialized objects: what the page cache counts. */
    private volatile int memoryEstimate = INITIAL_MEMORY_ESTIMATE;

    @Override
    public int getMemory(Document document) {
        return memoryEstimate;
    }

    /**
     * A document holding a value BSON has no type for (none comes from the wire or mongo-java-server's
     * operators) is stored the stock way instead: the store's writer must never fail on a page.
     */
    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException e) {
            bson.release();
            stock.write(buffer, document);
            return;
        }
        try {
            int length = bson.readableBytes();
            buffer.put(BSON_DOCUMENT).putVarInt(length).put(bson.nioBuffer());
            memoryEstimate = (memoryEstimate * 15 + length * 2) / 16;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_DOCUMENT) {
            return (Document) stock.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length));
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(bson);
    }

    @Override
    public int compare(Document a, Document b) {
        return stock.compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
