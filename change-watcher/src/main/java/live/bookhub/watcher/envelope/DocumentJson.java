package live.bookhub.watcher.envelope;

import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.bson.BsonTimestamp;
import org.bson.Document;
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

    /** The REST form of a document id: ObjectIds as hex, anything else as its string form. */
    public static String idString(Object id) {
        if (id instanceof org.bson.BsonValue bson) {
            return bson.isObjectId() ? bson.asObjectId().getValue().toHexString()
                    : bson.isString() ? bson.asString().getValue() : bson.toString();
        }
        return id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id);
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
            return decimal.isNaN() || decimal.isInfinite() ? NODES.textNode(decimal.toString()) : NODES.numberNode(decimal.bigDecimalValue());
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
