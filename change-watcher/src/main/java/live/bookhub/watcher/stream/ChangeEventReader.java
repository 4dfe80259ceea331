package live.bookhub.watcher.stream;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.SplitEvent;
import com.mongodb.client.model.changestream.TruncatedArray;
import com.mongodb.client.model.changestream.UpdateDescription;
import org.bson.BsonBinaryReader;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonReader;
import org.bson.BsonTimestamp;
import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.DecoderContext;

/**
 * A change stream event, as the server sent it, made into the driver's {@link ChangeStreamDocument} in
 * one pass over its bytes: its documents ({@code _id}, {@code fullDocument}, {@code documentKey},
 * {@code updatedFields}, …) stay raw slices of the event, read only when and where the mapping reads
 * them. The driver's own codec builds each of them as a {@link BsonDocument} of decoded values, which
 * was a quarter of the watcher's CPU per change.
 */
final class ChangeEventReader {

    private static final BsonValueCodec VALUE_CODEC = new BsonValueCodec();
    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private ChangeEventReader() {
    }

    static ChangeStreamDocument<RawBsonDocument> read(RawBsonDocument event) {
        ByteBuffer source = event.getByteBuffer().asNIO();
        byte[] bytes = new byte[source.remaining()];
        source.get(bytes);
        Fields fields = new Fields();
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN))) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                fields.read(reader.readName(), reader, bytes);
            }
        }
        return new ChangeStreamDocument<>(fields.operationType, fields.resumeToken, fields.namespace, fields.namespaceType,
                fields.destination, fields.fullDocument, fields.fullDocumentBeforeChange, fields.documentKey,
                fields.clusterTime, fields.updateDescription, fields.txnNumber, fields.lsid, fields.wallTime,
                fields.splitEvent, fields.extraElements);
    }

    /** The event's fields as read; those the driver's model has no place for go to its extra elements. */
    private static final class Fields {
        private String operationType;
        private RawBsonDocument resumeToken;
        private RawBsonDocument namespace;
        private String namespaceType;
        private RawBsonDocument destination;
        private RawBsonDocument fullDocument;
        private RawBsonDocument fullDocumentBeforeChange;
        private RawBsonDocument documentKey;
        private BsonTimestamp clusterTime;
        private UpdateDescription updateDescription;
        private BsonInt64 txnNumber;
        private RawBsonDocument lsid;
        private BsonDateTime wallTime;
        private SplitEvent splitEvent;
        private BsonDocument extraElements;

        void read(String name, BsonBinaryReader reader, byte[] bytes) {
            switch (name) {
                case "_id" -> resumeToken = document(reader, bytes);
                case "operationType" -> operationType = reader.readString();
                case "ns" -> namespace = document(reader, bytes);
                case "nsType" -> namespaceType = reader.readString();
                case "to" -> destination = document(reader, bytes);
                case "fullDocument" -> fullDocument = document(reader, bytes);
                case "fullDocumentBeforeChange" -> fullDocumentBeforeChange = document(reader, bytes);
                case "documentKey" -> documentKey = document(reader, bytes);
                case "clusterTime" -> clusterTime = reader.readTimestamp();
                case "updateDescription" -> updateDescription = updateDescription(reader, bytes);
                case "txnNumber" -> txnNumber = new BsonInt64(reader.readInt64());
                case "lsid" -> lsid = document(reader, bytes);
                case "wallTime" -> wallTime = new BsonDateTime(reader.readDateTime());
                case "splitEvent" -> splitEvent = splitEvent(reader);
                default -> {
                    if (extraElements == null) {
                        extraElements = new BsonDocument();
                    }
                    extraElements.put(name, VALUE_CODEC.decode(reader, DECODING));
                }
            }
        }
    }

    /** The document at the reader, as a slice of the event's bytes (no copy); {@code null} for a BSON null. */
    private static RawBsonDocument document(BsonBinaryReader reader, byte[] bytes) {
        if (reader.getCurrentBsonType() == BsonType.NULL) {
            reader.readNull();
            return null;
        }
        int start = reader.getBsonInput().getPosition();
        int length = ByteBuffer.wrap(bytes, start, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        reader.skipValue();
        return new RawBsonDocument(bytes, start, length);
    }

    private static UpdateDescription updateDescription(BsonBinaryReader reader, byte[] bytes) {
        List<String> removed = null;
        RawBsonDocument updated = null;
        List<TruncatedArray> truncated = null;
        RawBsonDocument disambiguated = null;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "updatedFields" -> updated = document(reader, bytes);
                case "removedFields" -> removed = strings(reader);
                case "truncatedArrays" -> truncated = truncatedArrays(reader);
                case "disambiguatedPaths" -> disambiguated = document(reader, bytes);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new UpdateDescription(removed, updated, truncated, disambiguated);
    }

    private static List<String> strings(BsonReader reader) {
        List<String> strings = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            strings.add(reader.readString());
        }
        reader.readEndArray();
        return strings;
    }

    private static List<TruncatedArray> truncatedArrays(BsonReader reader) {
        List<TruncatedArray> arrays = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            BsonDocument array = VALUE_CODEC.decode(reader, DECODING).asDocument();
            arrays.add(new TruncatedArray(array.getString("field").getValue(), array.getNumber("newSize").intValue()));
        }
        reader.readEndArray();
        return arrays;
    }

    private static SplitEvent splitEvent(BsonReader reader) {
        BsonDocument split = VALUE_CODEC.decode(reader, DECODING).asDocument();
        return new SplitEvent(split.getNumber("fragment").intValue(), split.getNumber("of").intValue());
    }
}
