package live.bookhub.embedded.mongo;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * The collection option this server keeps, {@code changeStreamPreAndPostImages}: set by {@code create}
 * or {@code collMod}, shown by {@code listCollections} (with the collection's UUID, as MongoDB shows it).
 */
final class CollectionOptionCommands {

    static final String IMAGES_OPTION = "changeStreamPreAndPostImages";
    /** An index's options, which {@link TtlIndexes} changes. */
    private static final String INDEX_OPTION = "index";
    /** Fields any command may carry, which are no collection options. */
    private static final Set<String> GENERIC_FIELDS = Set.of("lsid", "txnNumber", "writeConcern", "comment", "maxTimeMS",
            "apiVersion", "apiStrict", "apiDeprecationErrors", "autocommit", "startTransaction");

    private final Function<String, OplogH2Collection> collections;

    /** @param collections a collection of the database by name, or null */
    CollectionOptionCommands(Function<String, OplogH2Collection> collections) {
        this.collections = collections;
    }

    /** @return the options applied, for the {@code modify} event */
    Document collMod(Document command) {
        OplogH2Collection collection = collections.apply(String.valueOf(command.get("collMod")));
        if (collection == null) {
            throw new MongoServerError(26, "NamespaceNotFound", "ns does not exist");
        }
        Document options = new Document();
        for (String field : command.keySet()) {
            if (field.equals("collMod") || field.equals(INDEX_OPTION) || field.startsWith("$") || GENERIC_FIELDS.contains(field)) {
                continue;
            }
            if (!field.equals(IMAGES_OPTION)) {
                throw new MongoServerError(72, "InvalidOptions", "collMod option '" + field
                        + "' is not supported by this server (it keeps " + IMAGES_OPTION + " and an index's "
                        + TtlIndexes.OPTION + " only)");
            }
            collection.keepImages(enabled(command.get(field)));
            options.put(field, command.get(field));
        }
        return options;
    }

    /** Applies a {@code create} command's image option to the collection it created. */
    void created(OplogH2Collection collection, Document command) {
        if (command.containsKey(IMAGES_OPTION)) {
            collection.keepImages(enabled(command.get(IMAGES_OPTION)));
        }
    }

    /** Adds each collection's UUID and image option to a {@code listCollections} reply. */
    Document describe(Document listCollectionsReply) {
        List<?> collectionInfos = (List<?>) ((Document) listCollectionsReply.get("cursor")).get("firstBatch");
        for (Object item : collectionInfos) {
            Document info = (Document) item;
            OplogH2Collection collection = collections.apply((String) info.get("name"));
            if (collection != null) {
                ((Document) info.get("info")).put("uuid", collection.uuid());
                if (collection.keepsImages()) {
                    ((Document) info.get("options")).put(IMAGES_OPTION, new Document("enabled", true));
                }
            }
        }
        return listCollectionsReply;
    }

    private static boolean enabled(Object option) {
        if (option instanceof Document document && document.get("enabled") instanceof Boolean enabled && document.size() == 1) {
            return enabled;
        }
        throw new MongoServerError(14, "TypeMismatch", IMAGES_OPTION + " must be {enabled: <bool>}, got " + option);
    }
}
