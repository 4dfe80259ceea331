package live.bookhub.watcher.envelope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dotted MongoDB field paths ({@code address.city}) on JSON objects. A path through something that
 * is not an object (an array element, say) is left alone: the looked-up value stands.
 */
final class JsonPaths {

    private JsonPaths() {
    }

    static void set(ObjectNode root, String path, JsonNode value) {
        String[] names = path.split("\\.");
        ObjectNode parent = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            if (child == null || child.isNull()) {
                child = parent.putObject(names[i]);
            }
            if (!child.isObject()) {
                return;
            }
            parent = (ObjectNode) child;
        }
        parent.set(names[names.length - 1], value);
    }

    static void remove(ObjectNode root, String path) {
        String[] names = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < names.length - 1 && parent != null; i++) {
            parent = parent.get(names[i]);
        }
        if (parent instanceof ObjectNode object) {
            object.remove(names[names.length - 1]);
        }
    }
}
