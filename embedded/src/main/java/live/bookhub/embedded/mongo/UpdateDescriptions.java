package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Builds MongoDB's {@code updateDescription} by comparing a document before and after an update, as
 * MongoDB 5+ does for its delta oplog entries (operator and pipeline updates alike): fields that
 * changed or appeared with their new values, a changed sub-document by its changed paths
 * ({@code "address.city"}), and the removed paths. A changed array is reported whole under its path
 * (MongoDB may report {@code "tags.3"} and {@code truncatedArrays} instead; both say what changed). A
 * field set to the value it had is no change, as on MongoDB.
 */
final class UpdateDescriptions {

    private UpdateDescriptions() {
    }

    /** True for {@code replaceOne}-style updates: no operator at the top level. */
    static boolean isReplacement(Document update) {
        return update.keySet().stream().noneMatch(key -> key.startsWith("$"));
    }

    static Document of(Document before, Document after) {
        Document updatedFields = new Document();
        List<String> removedFields = new ArrayList<>();
        compare("", before, after, updatedFields, removedFields);
        return new Document()
                .append("updatedFields", updatedFields)
                .append("removedFields", removedFields)
                .append("truncatedArrays", List.of());
    }

    private static void compare(String prefix, Document before, Document after, Document updatedFields,
                                List<String> removedFields) {
        before.keySet().stream().filter(field -> !after.containsKey(field)).forEach(field -> removedFields.add(prefix + field));
        for (Map.Entry<String, Object> field : after.entrySet()) {
            String path = prefix + field.getKey();
            Object old = before.get(field.getKey());
            if (before.containsKey(field.getKey()) && Objects.equals(old, field.getValue())) {
                continue;
            }
            if (old instanceof Document oldDocument && field.getValue() instanceof Document newDocument) {
                compare(path + ".", oldDocument, newDocument, updatedFields, removedFields);
            } else {
                updatedFields.put(path, field.getValue());
            }
        }
    }
}
