package live.bookhub.embedded.mongo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * One change stream's {@code updateLookup}s, each document read once for as long as nothing is
 * written: a catch-up renders many updates of the same documents, and each read is an H2 page and a
 * Java deserialization (most of a getMore's time in the profile). Every write appends to the oplog,
 * so while its newest position stays the same, a document read earlier is still the document as it is
 * now, which is what {@code updateLookup} returns. The documents are shared between events: only for
 * streams with no pipeline after {@code $changeStream}, which could change them. Confined to its
 * cursor, whose methods are synchronized.
 */
final class LookupUntilWrite implements DocumentLookup {

    /** Enough for a catch-up's batches over a large collection, small enough to bound a cursor's memory. */
    private static final int MAX_DOCUMENTS = 10_000;

    private final DocumentLookup lookup;
    private final OplogStore store;
    private final Map<List<Object>, Document> read = new HashMap<>();
    private long readAtPosition = -1;

    LookupUntilWrite(DocumentLookup lookup, OplogStore store) {
        this.lookup = lookup;
        this.store = store;
    }

    @Override
    public Document byId(String namespace, Object id) {
        long last = store.last();
        if (last != readAtPosition || read.size() >= MAX_DOCUMENTS) {
            read.clear();
            readAtPosition = last;
        }
        List<Object> key = List.of(namespace, id);
        if (read.containsKey(key)) {
            return read.get(key);
        }
        Document document = lookup.byId(namespace, id);
        read.put(key, document);
        return document;
    }
}
