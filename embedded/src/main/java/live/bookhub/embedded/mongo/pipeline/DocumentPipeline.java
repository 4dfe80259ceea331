package live.bookhub.embedded.mongo.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.aggregation.stage.AggregationStage;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * A pipeline run on documents one at a time: an update pipeline ({@code updateOne(filter, [{$set: …}])}),
 * the stages after {@code $changeStream} or after {@code $currentOp}. mongo-java-server builds the stages, with the aliases it
 * lacks ({@code $set}, {@code $replaceWith}) spelt as the stages they stand for, and with
 * {@link PathProjection} for {@code $project}.
 */
public final class DocumentPipeline {

    /** What MongoDB accepts in an update pipeline. */
    private static final Set<String> UPDATE_STAGES = Set.of("$addFields", "$set", "$project", "$unset", "$replaceRoot",
            "$replaceWith");

    private final List<AggregationStage> stages = new ArrayList<>();

    /**
     * @param build builds mongo-java-server's stages for one stage document (some stages look up
     *              other collections, so the caller knows where the pipeline runs)
     */
    private DocumentPipeline(List<Document> pipeline, Function<Document, List<AggregationStage>> build) {
        for (Document stage : pipeline) {
            if (stage.size() != 1) {
                throw new MongoServerError(40323, "A pipeline stage specification object must contain exactly one field.");
            }
            String name = stage.keySet().iterator().next();
            Object spec = stage.get(name);
            switch (name) {
                case "$project" -> stages.add(new PathProjection(spec));
                case "$set" -> stages.addAll(build.apply(new Document("$addFields", spec)));
                case "$replaceWith" -> stages.addAll(build.apply(new Document("$replaceRoot", new Document("newRoot", spec))));
                default -> stages.addAll(build.apply(stage));
            }
        }
    }

    /** The stages after {@code $changeStream}. */
    public static DocumentPipeline forChangeStream(List<Document> pipeline, Function<List<Document>, Aggregation> aggregation) {
        return new DocumentPipeline(pipeline, stage -> aggregation.apply(List.of(stage)).getStages());
    }

    /** An update pipeline: only the stages that reshape a document, as MongoDB allows. */
    public static DocumentPipeline forUpdate(List<?> pipeline) {
        List<Document> stages = new ArrayList<>();
        for (Object stage : pipeline) {
            if (!(stage instanceof Document document)) {
                throw new MongoServerError(14, "TypeMismatch", "each element of the update pipeline must be an object");
            }
            String name = document.keySet().stream().findFirst().orElse("");
            if (!UPDATE_STAGES.contains(name)) {
                throw new MongoServerError(72, "InvalidOptions", name + " is not allowed to be used within an update");
            }
            stages.add(document);
        }
        return forDocuments(stages);
    }

    /** Stages that need no collection, on documents made by the server (those {@code $currentOp} lists). */
    public static DocumentPipeline forDocuments(List<Document> pipeline) {
        return new DocumentPipeline(pipeline, stage -> Aggregation.fromPipeline(List.of(stage), null, null, null, null).getStages());
    }

    public boolean isEmpty() {
        return stages.isEmpty();
    }

    public Stream<Document> apply(Stream<Document> documents) {
        Stream<Document> result = documents;
        for (AggregationStage stage : stages) {
            result = stage.apply(result);
        }
        return result;
    }
}
