package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Builds MongoDB's {@code updateDescription} from an operator update and the post-image: the touched
 * paths with their values after the update, and the removed paths. The pre-image is gone by the
 * time the oplog hears of the update, so array changes report the whole new array under the path
 * the operator named (MongoDB may report {@code "tags.3"} instead; both say what changed).
 */
final class UpdateDescriptions {

    private static final Set<String> SETTING_OPERATORS = Set.of("$set", "$inc", "$mul", "$min", "$max",
            "$currentDate", "$push", "$addToSet", "$pop", "$pull", "$pullAll", "$bit");

    private UpdateDescriptions() {
    }

    /** True for {@code replaceOne}-style updates: no operator at the top level. */
    static boolean isReplacement(Document update) {
        return update.keySet().stream().noneMatch(key -> key.startsWith("$"));
    }

    static Document of(Document update, Document postImage) {
        Document updatedFields = new Document();
        List<String> removedFields = new ArrayList<>();
        for (Map.Entry<String, Object> operator : update.entrySet()) {
            Document operand = (Document) operator.getValue();
            for (String path : operand.keySet()) {
                switch (operator.getKey()) {
                    case "$unset" -> removedFields.add(path);
                    case "$rename" -> {
                        removedFields.add(path);
                        String target = (String) operand.get(path);
                        copyValue(postImage, target, updatedFields);
                    }
                    default -> {
                        if (SETTING_OPERATORS.contains(operator.getKey())) {
                            String touched = withoutPositionalParts(path);
                            copyValue(postImage, touched, updatedFields);
                        }
                    }
                }
            }
        }
        return new Document()
                .append("updatedFields", updatedFields)
                .append("removedFields", removedFields)
                .append("truncatedArrays", List.of());
    }

    /** "items.$.qty" and "items.$[i].qty" name an element only known to the matcher: report the array. */
    private static String withoutPositionalParts(String path) {
        int positional = path.indexOf(".$");
        return positional < 0 ? path : path.substring(0, positional);
    }

    /** Copies the post-update value at {@code path}, null included; a path that no longer exists is skipped. */
    private static void copyValue(Document postImage, String path, Document updatedFields) {
        Object current = postImage;
        for (String part : path.split("\\.")) {
            if (current instanceof Document document && document.containsKey(part)) {
                current = document.get(part);
            } else if (current instanceof List<?> list && isIndex(part) && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return;
            }
        }
        updatedFields.put(path, current);
    }

    private static boolean isIndex(String part) {
        return !part.isEmpty() && part.length() < 10 && part.chars().allMatch(Character::isDigit);
    }
}
