package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import live.bookhub.embedded.mongo.OplogEntry.Kind;

/**
 * {@code local.oplog.rs} as operators read it on a replica set: {@code find} with an optional filter,
 * {@code sort: {$natural: 1 | -1}} and a limit, each entry with MongoDB's fields ({@code ts}
 * Timestamp, {@code t}, {@code v}, {@code wall} Date, {@code op}, {@code ns}, {@code ui}, {@code o}),
 * e.g. the oplog's first and last entry for its time window. One batch, no getMore; read only.
 */
final class OplogView {

    static final String NAMESPACE = "local.oplog.rs";
    /** The most entries one find returns: the view is for looking at the oplog, not for tailing it. */
    private static final int MAX_BATCH = 1000;
    private static final int READ_CHUNK = 256;

    private final OplogStore store;
    private final DefaultQueryMatcher matcher = new DefaultQueryMatcher();

    OplogView(OplogStore store) {
        this.store = store;
    }

    Document find(Document command) {
        Document filter = command.get("filter") instanceof Document given ? given : new Document();
        boolean newestFirst = command.get("sort") instanceof Document sort && isDescending(sort.get("$natural"));
        if (command.get("sort") instanceof Document sort && sort.keySet().stream().anyMatch(key -> !key.equals("$natural"))) {
            throw new MongoServerError(2, "BadValue", NAMESPACE + " can only be sorted by {$natural: 1} or {$natural: -1} here");
        }
        int limit = command.get("limit") instanceof Number number && number.intValue() != 0
                ? Math.min(Math.abs(number.intValue()), MAX_BATCH) : MAX_BATCH;
        List<Document> batch = new ArrayList<>();
        long position = newestFirst ? Long.MAX_VALUE : Long.MIN_VALUE;
        List<OplogEntry> chunk;
        do {
            chunk = newestFirst ? store.readBefore(position, READ_CHUNK) : store.readAfter(position, READ_CHUNK);
            for (OplogEntry entry : chunk) {
                position = entry.position();
                Document rendered = render(entry);
                if (rendered != null && matcher.matches(rendered, filter) && batch.size() < limit) {
                    batch.add(rendered);
                }
            }
        } while (!chunk.isEmpty() && batch.size() < limit);
        return new Document("cursor", new Document("firstBatch", batch).append("id", 0L).append("ns", NAMESPACE))
                .append("ok", 1.0);
    }

    /** The entry as MongoDB writes it, or null for this oplog's own invalidation markers. */
    private static Document render(OplogEntry entry) {
        Kind kind = entry.kind();
        if (kind == Kind.INVALIDATE) {
            return null;
        }
        Document body = entry.body();
        Document rendered = new Document("op", opCode(kind));
        String database = entry.database();
        rendered.append("ns", kind == Kind.NOOP ? "" : kind.code.length() == 1 ? entry.ns() : database + ".$cmd");
        if (body.containsKey(OplogEntry.UUID)) {
            rendered.append("ui", body.get(OplogEntry.UUID));
        }
        rendered.append("o", object(entry));
        if (body.containsKey(OplogEntry.ID)) {
            rendered.append("o2", new Document("_id", body.get(OplogEntry.ID)));
        }
        return rendered.append("ts", new BsonTimestamp(entry.position())).append("t", 1L).append("v", 2L)
                .append("wall", entry.wall());
    }

    private static String opCode(Kind kind) {
        return switch (kind) {
            case INSERT, UPDATE, DELETE, NOOP -> kind.code;
            case REPLACE -> "u";
            default -> "c";
        };
    }

    /** What the entry did: MongoDB's command or document, an update's description in place of its diff. */
    private static Object object(OplogEntry entry) {
        Document body = entry.body();
        String collection = entry.ns().substring(entry.ns().indexOf('.') + 1);
        return switch (entry.kind()) {
            case INSERT, REPLACE -> body.get(OplogEntry.DOCUMENT);
            case UPDATE -> body.get(OplogEntry.UPDATE_DESCRIPTION); // MongoDB writes a $v:2 diff here

            case DELETE -> new Document("_id", body.get(OplogEntry.ID));
            case DROP -> new Document("drop", collection);
            case RENAME -> new Document("renameCollection", entry.ns()).append("to", body.get(OplogEntry.TO));
            case DROP_DATABASE -> new Document("dropDatabase", 1);
            case CREATE -> new Document("create", collection);
            case CREATE_INDEXES, DROP_INDEXES, MODIFY -> new Document(entry.kind().code, collection)
                    .append(OplogEntry.DESCRIPTION, body.get(OplogEntry.DESCRIPTION));
            default -> body;
        };
    }

    private static boolean isDescending(Object direction) {
        return direction instanceof Number number && number.doubleValue() < 0;
    }
}
