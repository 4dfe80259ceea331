package live.bookhub.embedded.mongo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import live.bookhub.embedded.mongo.pipeline.DocumentPipeline;

/**
 * An update given as a pipeline ({@code updateOne(filter, [{$set: …}])}). mongo-java-server's update
 * paths only carry documents, so the pipeline travels through them inside one, under a key whose
 * value no client can send (a Java object), and {@link OplogH2Collection} applies it: the new version
 * of each matched document is computed here and stored as its replacement.
 */
final class PipelineUpdate {

    private static final String ID = "_id";
    private static final String CARRIER_KEY = "$pipelineUpdate";

    private final DocumentPipeline pipeline;

    private PipelineUpdate(DocumentPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * The update as mongo-java-server can carry it: a pipeline wrapped, anything else as it is. The
     * stages are read by {@link #in}, inside the write, so that a bad one is that write's error.
     */
    static Object carried(Object update) {
        return update instanceof List<?> stages ? new Document(CARRIER_KEY, new Stages(stages)) : update;
    }

    /** @return the pipeline update {@code update} carries, or null for an operator or replacement update */
    static PipelineUpdate in(Document update) {
        return update != null && update.get(CARRIER_KEY) instanceof Stages stages
                ? new PipelineUpdate(DocumentPipeline.forUpdate(stages.stages()))
                : null;
    }

    /** The raw stages, a Java object: no client can send one. */
    private record Stages(List<?> stages) {
    }

    /** The document after the pipeline; its {@code _id} cannot change, as on MongoDB. */
    Document apply(Document current) {
        List<Document> results = pipeline.apply(Stream.of(current.cloneDeeply())).toList();
        Document updated = results.size() == 1 ? results.get(0) : new Document();
        Object id = current.get(ID);
        if (id != null && updated.containsKey(ID) && !Objects.equals(updated.get(ID), id)) {
            throw new MongoServerError(66, "ImmutableField",
                    "Performing an update on the path '_id' would modify the immutable field '_id'");
        }
        if (id == null || updated.containsKey(ID)) {
            return updated;
        }
        Document withId = new Document(ID, id);
        withId.putAll(updated);
        return withId;
    }

    /** What an upsert starts from: the equality conditions of the filter's top level. */
    static Document seed(Document filter) {
        Document seed = new Document();
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            boolean operator = condition.getValue() instanceof Document value
                    && value.keySet().stream().anyMatch(key -> key.startsWith("$"));
            if (!condition.getKey().startsWith("$") && !condition.getKey().contains(".") && !operator) {
                seed.put(condition.getKey(), condition.getValue());
            }
        }
        return seed;
    }
}
