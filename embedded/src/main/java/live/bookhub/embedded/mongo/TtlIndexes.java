package live.bookhub.embedded.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.NoopOplog;

/**
 * The TTL indexes of one database, read from and changed in its {@code system.indexes}, where
 * mongo-java-server keeps each index's whole specification (so {@code expireAfterSeconds} is listed by
 * {@code listIndexes} and survives restarts): which documents have expired, and {@code collMod}'s change
 * of an index's {@code expireAfterSeconds}.
 */
final class TtlIndexes {

    static final String OPTION = "expireAfterSeconds";
    private static final String ID = "_id";

    /** One TTL index: MongoDB 6.0 expires by single-field indexes only and ignores the option on compound ones. */
    record TtlIndex(String namespace, String name, String field, Number expireAfterSeconds, Document partialFilter) {

        /** @return null where the specification expires nothing */
        static TtlIndex of(Document spec) {
            Document key = (Document) spec.get("key");
            if (!(spec.get(OPTION) instanceof Number seconds) || !Double.isFinite(seconds.doubleValue()) || key == null
                    || key.size() != 1 || key.containsKey(ID)) {
                return null;
            }
            return new TtlIndex((String) spec.get("ns"), (String) spec.get("name"), key.keySet().iterator().next(), seconds,
                    spec.get("partialFilterExpression") instanceof Document filter ? filter : null);
        }

        /**
         * The documents whose date there is older than expireAfterSeconds. {@code $lt} on a date matches
         * only dates (values of other types never expire) and matches an array when one of its dates does,
         * which is when its earliest one does: MongoDB's rule. A partial index expires only the documents it holds.
         */
        Document expiredAt(Instant now) {
            long millis = Math.round(expireAfterSeconds.doubleValue() * 1000);
            Document expired = new Document(field, new Document("$lt", now.minusMillis(millis)));
            return partialFilter == null ? expired : new Document("$and", List.of(expired, partialFilter));
        }
    }

    /** MongoDB's bound, the largest 32-bit integer; beyond it the seconds overflow as milliseconds. */
    private static final long MAX_SECONDS = Integer.MAX_VALUE;

    private final Supplier<MongoCollection<Object>> specs;

    /**
     * Refuses a specification whose expireAfterSeconds would expire nothing or not as meant, with
     * {@code CannotCreateIndex} (67) as MongoDB 6.1+ does (mongo-java-server would store any value).
     */
    static void validate(Object spec) {
        if (!(spec instanceof Document index) || !index.containsKey(OPTION)) {
            return;
        }
        Object seconds = index.get(OPTION);
        Document key = index.get("key") instanceof Document document ? document : new Document();
        String problem = !(seconds instanceof Number number) ? "must be a number, got " + seconds
                : !(number.doubleValue() >= 0 && number.doubleValue() <= MAX_SECONDS)
                ? "must be within 0 and " + MAX_SECONDS + ", got " + seconds
                : key.size() != 1 ? "applies to a single-field index only, not to " + key
                : key.containsKey(ID) ? "is not valid for an _id index" : null;
        if (problem != null) {
            throw new MongoServerError(67, "CannotCreateIndex", "TTL index '" + OPTION + "' option " + problem
                    + " (index " + index.get("name") + ")");
        }
    }

    /** @param specs the database's {@code system.indexes}, or null while it has no index yet */
    TtlIndexes(Supplier<MongoCollection<Object>> specs) {
        this.specs = specs;
    }

    List<TtlIndex> all() {
        List<TtlIndex> found = new ArrayList<>();
        MongoCollection<Object> collection = specs.get();
        if (collection != null) {
            for (Document spec : collection.handleQuery(new Document(OPTION, new Document("$exists", true)))) {
                TtlIndex index = TtlIndex.of(spec);
                if (index != null) {
                    found.add(index);
                }
            }
        }
        return found;
    }

    /** A change of an index's expireAfterSeconds by collMod; {@code before} is null where it had none. */
    record Change(String name, Object before, Number after) {

        /** MongoDB's reply fields. */
        Document reply() {
            Document reply = new Document();
            if (before != null) {
                reply.append(OPTION + "_old", before);
            }
            return reply.append(OPTION + "_new", after);
        }

        /** The {@code modify} event's operationDescription. */
        Document description() {
            return new Document("index", new Document("name", name).append(OPTION, after));
        }
    }

    /**
     * {@code collMod}'s {@code index: {keyPattern | name, expireAfterSeconds}}: sets the option, also on an
     * index that had none (MongoDB 5.1+ turns a single-field index into a TTL index so).
     */
    Change collMod(String namespace, Object option) {
        if (!(option instanceof Document index)) {
            throw new MongoServerError(14, "TypeMismatch", "collMod's index must be a document, got " + option);
        }
        for (String field : index.keySet()) {
            if (!List.of("keyPattern", "name", OPTION).contains(field)) {
                throw new MongoServerError(72, "InvalidOptions", "collMod index option '" + field
                        + "' is not supported by this server (it changes " + OPTION + " only)");
            }
        }
        if (index.containsKey("keyPattern") == index.containsKey("name")) {
            throw new MongoServerError(72, "InvalidOptions", "collMod's index must have either keyPattern or name");
        }
        if (!(index.get(OPTION) instanceof Number seconds) || !(seconds.doubleValue() >= 0 && seconds.doubleValue() <= MAX_SECONDS)) {
            throw new MongoServerError(72, "InvalidOptions", "collMod's index needs " + OPTION
                    + " as a number within 0 and " + MAX_SECONDS + ", got " + index.get(OPTION));
        }
        Document spec = find(namespace, index);
        if (spec == null) {
            throw new MongoServerError(27, "IndexNotFound", "cannot find index " + (index.containsKey("name")
                    ? index.get("name") : index.get("keyPattern")) + " for ns " + namespace);
        }
        Document key = (Document) spec.get("key");
        if (key.size() != 1 || key.containsKey(ID)) {
            throw new MongoServerError(72, "InvalidOptions", "index " + spec.get("name") + " cannot be a TTL index:"
                    + " only a single-field index other than _id's can");
        }
        Change change = new Change((String) spec.get("name"), spec.get(OPTION), seconds);
        specs.get().updateDocuments(new Document("ns", namespace).append("name", change.name()),
                new Document("$set", new Document(OPTION, seconds)), ArrayFilters.empty(), false, false, NoopOplog.get());
        return change;
    }

    /** The index by name, or by key pattern (1 and 1.0 alike, as MongoDB compares them). */
    private Document find(String namespace, Document index) {
        MongoCollection<Object> collection = specs.get();
        if (collection == null) {
            return null;
        }
        for (Document spec : collection.handleQuery(new Document("ns", namespace))) {
            boolean found = index.containsKey("name") ? index.get("name").equals(spec.get("name"))
                    : index.get("keyPattern") instanceof Document pattern && sameKey(pattern, (Document) spec.get("key"));
            if (found) {
                return spec;
            }
        }
        return null;
    }

    private static boolean sameKey(Document pattern, Document key) {
        if (!List.copyOf(pattern.keySet()).equals(List.copyOf(key.keySet()))) {
            return false;
        }
        return pattern.keySet().stream().allMatch(field -> pattern.get(field) instanceof Number a
                && key.get(field) instanceof Number b ? a.doubleValue() == b.doubleValue()
                : pattern.get(field).equals(key.get(field)));
    }
}
