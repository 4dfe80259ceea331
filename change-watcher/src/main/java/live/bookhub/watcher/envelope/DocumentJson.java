package live.bookhub.watcher.envelope;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A MongoDB document in the shape the REST api returns: {@code _id} becomes {@code id}, ObjectIds
 * become hex strings and dates ISO-8601 instants. Any document a writer can produce maps to
 * something, so odd values written from mongosh degrade to strings instead of failing.
 * <p>
 * The BSON is read in one pass straight into the JSON tree (raw BSON from its bytes), with no
 * {@link Document} in between. The types no book holds (binary, regular expressions, code, symbols, min
 * and max keys, undefined, DB pointers) go through the driver's {@link DocumentCodec} one value at a
 * time, so each maps to the string it always did.
 */
public final class DocumentJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DocumentCodec DOCUMENT_CODEC = new DocumentCodec();
    private static final BsonValueCodec VALUE_CODEC = new BsonValueCodec();
    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private DocumentJson() {
    }

    /** @param document raw BSON (read from its bytes), a {@link BsonDocument} or a {@link Document} */
    public static ObjectNode toJson(Bson document) {
        try (BsonReader reader = reader(document)) {
            return object(reader);
        }
    }

    /**
     * Only the top-level fields {@code names} (not {@code _id}) of a document, in that order, each as
     * {@link #toJson} maps it; the others are skipped unread, except what could fail to map (binary,
     * nested), so that a document that cannot be mapped fails here as well.
     */
    static ObjectNode fields(Bson document, List<String> names) {
        JsonNode[] found = new JsonNode[names.size()];
        try (BsonReader reader = reader(document)) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                int wanted = names.indexOf(reader.readName());
                if (wanted >= 0) {
                    found[wanted] = value(reader);
                } else if (mayFail(reader.getCurrentBsonType())) {
                    value(reader);
                } else {
                    reader.skipValue();
                }
            }
        }
        ObjectNode json = NODES.objectNode();
        for (int i = 0; i < found.length; i++) {
            if (found[i] != null) {
                json.set(names.get(i), found[i]);
            }
        }
        return json;
    }

    /**
     * The REST form of a document id: ObjectIds as hex, strings as they are, documents as the driver's
     * JSON, anything else as its string form; the same whether the id comes from a document or a documentKey.
     */
    public static String idString(BsonValue id) {
        if (id.isObjectId()) {
            return id.asObjectId().getValue().toHexString();
        }
        if (id.isString()) {
            return id.asString().getValue();
        }
        if (id.isDocument()) {
            return decode(id.asDocument()).toJson();
        }
        JsonNode json = toJson(new BsonDocument("id", id)).get("id");
        return json.isString() ? json.asString() : json.toString();
    }

    /** A BSON document as the driver's default codec decodes it. */
    static Document decode(BsonDocument bson) {
        return DOCUMENT_CODEC.decode(new BsonDocumentReader(bson), DECODING);
    }

    private static BsonReader reader(Bson document) {
        if (document instanceof RawBsonDocument raw) {
            return new BsonBinaryReader(raw.getByteBuffer().asNIO());
        }
        return new BsonDocumentReader(document instanceof BsonDocument bson ? bson : document.toBsonDocument());
    }

    private static ObjectNode object(BsonReader reader) {
        ObjectNode json = NODES.objectNode();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = reader.readName();
            if (name.equals("_id")) {
                json.put("id", id(reader));
            } else {
                json.set(name, value(reader));
            }
        }
        reader.readEndDocument();
        return json;
    }

    private static String id(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case OBJECT_ID -> reader.readObjectId().toHexString();
            case STRING -> reader.readString();
            default -> idString(VALUE_CODEC.decode(reader, DECODING));
        };
    }

    private static JsonNode value(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case STRING -> NODES.textNode(reader.readString());
            case INT32 -> NODES.numberNode(reader.readInt32());
            case INT64 -> NODES.numberNode(reader.readInt64());
            case DOUBLE -> NODES.numberNode(reader.readDouble());
            case BOOLEAN -> NODES.booleanNode(reader.readBoolean());
            case NULL -> {
                reader.readNull();
                yield NODES.nullNode();
            }
            case DECIMAL128 -> decimal(reader.readDecimal128());
            case OBJECT_ID -> NODES.textNode(reader.readObjectId().toHexString());
            case DATE_TIME -> NODES.textNode(Instant.ofEpochMilli(reader.readDateTime()).toString());
            // the seconds as a signed int, as they always were
            case TIMESTAMP -> NODES.textNode(Instant.ofEpochSecond(reader.readTimestamp().getTime()).toString());
            case DOCUMENT -> object(reader);
            case ARRAY -> array(reader);
            default -> odd(VALUE_CODEC.decode(reader, DECODING));
        };
    }

    private static ArrayNode array(BsonReader reader) {
        ArrayNode array = NODES.arrayNode();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            array.add(value(reader));
        }
        reader.readEndArray();
        return array;
    }

    private static JsonNode decimal(Decimal128 decimal) {
        // NaN and the infinities have no JSON number form; via the string, negative zero becomes 0
        // (Decimal128.bigDecimalValue refuses it).
        return decimal.isFinite() ? NODES.numberNode(new BigDecimal(decimal.toString())) : NODES.textNode(decimal.toString());
    }

    /** A value of a type no book holds, as the driver decodes it: binary as base64, the rest as its string form. */
    private static JsonNode odd(BsonValue value) {
        Object decoded = decode(new BsonDocument("v", value)).get("v");
        return decoded instanceof Binary binary
                ? NODES.textNode(Base64.getEncoder().encodeToString(binary.getData()))
                : NODES.textNode(String.valueOf(decoded));
    }

    private static boolean mayFail(BsonType type) {
        return type == BsonType.BINARY || type == BsonType.DOCUMENT || type == BsonType.ARRAY;
    }
}
