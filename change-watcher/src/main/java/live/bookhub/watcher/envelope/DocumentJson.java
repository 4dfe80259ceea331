package live.bookhub.watcher.envelope;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A MongoDB document in the shape the REST api returns: {@code _id} becomes {@code id}, ObjectIds
 * become hex strings and dates ISO-8601 instants. Any document a writer can produce maps to
 * something, so odd values written from mongosh degrade to strings instead of failing.
 */
public final class DocumentJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DocumentCodec DOCUMENT_CODEC = new DocumentCodec();

    private DocumentJson() {
    }

    public static ObjectNode toJson(Document document) {
        ObjectNode json = NODES.objectNode();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (field.getKey().equals("_id")) {
                json.put("id", idString(field.getValue()));
            } else {
                json.set(field.getKey(), value(field.getValue()));
            }
        }
        return json;
    }

    /**
     * The REST form of a document id: ObjectIds as hex, strings as they are, documents as JSON, anything
     * else as its string form; the same whether the id comes decoded (a document) or raw (a documentKey).
     */
    public static String idString(Object id) {
        // Decoded once: some BSON types (a DBPointer, say) stay BsonValues when decoded.
        Object decoded = id instanceof BsonValue bson ? decode(new BsonDocument("id", bson)).get("id") : id;
        if (decoded instanceof ObjectId objectId) {
            return objectId.toHexString();
        }
        if (decoded instanceof Document document) {
            return document.toJson();
        }
        JsonNode json = value(decoded);
        return json.isString() ? json.asString() : json.toString();
    }

    /** A raw BSON document as the driver's default codec decodes it (what {@link #toJson(Document)} takes). */
    static Document decode(BsonDocument bson) {
        return DOCUMENT_CODEC.decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof Integer number) {
            return NODES.numberNode(number);
        } else if (value instanceof Long number) {
            return NODES.numberNode(number);
        } else if (value instanceof Double number) {
            return NODES.numberNode(number);
        } else if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        } else if (value instanceof Decimal128 decimal) {
            // NaN and the infinities have no JSON number form; via the string, negative zero becomes 0
            // (Decimal128.bigDecimalValue refuses it).
            return decimal.isFinite() ? NODES.numberNode(new BigDecimal(decimal.toString())) : NODES.textNode(decimal.toString());
        } else if (value instanceof ObjectId objectId) {
            return NODES.textNode(objectId.toHexString());
        } else if (value instanceof Date date) {
            return NODES.textNode(date.toInstant().toString());
        } else if (value instanceof BsonTimestamp timestamp) {
            return NODES.textNode(java.time.Instant.ofEpochSecond(timestamp.getTime()).toString());
        } else if (value instanceof Binary binary) {
            return NODES.textNode(Base64.getEncoder().encodeToString(binary.getData()));
        } else if (value instanceof Document nested) {
            return toJson(nested);
        } else if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(value(item)));
            return array;
        }
        return NODES.textNode(String.valueOf(value));
    }
}
