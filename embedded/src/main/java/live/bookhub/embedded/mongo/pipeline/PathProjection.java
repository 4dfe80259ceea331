package live.bookhub.embedded.mongo.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Expression;
import de.bwaldvogel.mongo.backend.aggregation.stage.AggregationStage;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * {@code $project} as MongoDB reads it: a dotted path ({@code "ns.viewOn"}) and a nested spec
 * ({@code {ns: {viewOn: …}}}) name the same field inside a sub-document, whether it is included,
 * excluded or computed. mongo-java-server's stage puts a computed dotted path in a top-level field
 * of that literal name.
 */
final class PathProjection implements AggregationStage {

    private static final String ID = "_id";

    /** Path → 1/true (include), 0/false (exclude) or an expression, in the spec's order. */
    private final Map<String, Object> paths = new LinkedHashMap<>();
    private final boolean inclusion;

    PathProjection(Object spec) {
        if (!(spec instanceof Document document) || document.isEmpty()) {
            throw new MongoServerError(15969, "$project specification must be a non-empty object");
        }
        flatten("", document);
        inclusion = paths.entrySet().stream().anyMatch(path -> !path.getKey().equals(ID) && !isExclusion(path.getValue()));
        if (inclusion) {
            paths.entrySet().stream().filter(path -> !path.getKey().equals(ID) && isExclusion(path.getValue())).findFirst()
                    .ifPresent(path -> {
                        throw new MongoServerError(31254, "Invalid $project :: caused by :: Cannot do exclusion on field "
                                + path.getKey() + " in inclusion projection");
                    });
        }
    }

    @Override
    public String name() {
        return "$project";
    }

    @Override
    public Stream<Document> apply(Stream<Document> stream) {
        return stream.map(this::project);
    }

    private Document project(Document document) {
        if (!inclusion) {
            Document result = document.cloneDeeply();
            paths.keySet().forEach(path -> Utils.removeSubdocumentValue(result, path));
            return result;
        }
        Document result = new Document();
        if (!paths.containsKey(ID)) {
            Utils.copySubdocumentValue(document, result, ID);
        }
        paths.forEach((path, value) -> {
            if (isExclusion(value)) {
                return; // only _id can be excluded here
            }
            if (value instanceof Boolean || value instanceof Number) {
                Utils.copySubdocumentValue(document, result, path);
                return;
            }
            Object computed = value == null ? null : Expression.evaluateDocument(value, document);
            if (!(computed instanceof Missing)) {
                Utils.changeSubdocumentValue(result, path, computed);
            }
        });
        return result;
    }

    /** A sub-document without operators is a projection of that sub-document, not an expression. */
    private void flatten(String prefix, Document spec) {
        spec.forEach((field, value) -> {
            String path = prefix + field;
            if (value instanceof Document nested && !nested.isEmpty() && !nested.keySet().iterator().next().startsWith("$")) {
                flatten(path + ".", nested);
            } else {
                paths.put(path, value);
            }
        });
    }

    private static boolean isExclusion(Object value) {
        return (value instanceof Boolean || value instanceof Number) && !Utils.isTrue(value);
    }
}
