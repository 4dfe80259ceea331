package live.bookhub.embedded.mongo;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import live.bookhub.embedded.mongo.OplogEntry.Kind;

/**
 * The write side of the oplog: turns the backend's write notifications into entries shaped like
 * MongoDB's (documentKey {_id}, update descriptions, replace, drop/rename/dropDatabase followed by
 * the invalidation they cause) and wakes the change-stream getMores that wait for the next entry.
 */
final class BoundedOplog implements Oplog {

    /** MongoDB keeps these out of change streams. */
    private static final Set<String> INTERNAL_DATABASES = Set.of("admin", "config", "local");

    private final OplogStore store;
    private final ClusterClock clock;
    private final DocumentLookup lookup;
    private final Object appendLock = new Object();
    private final Queue<Runnable> appendListeners = new ConcurrentLinkedQueue<>();

    BoundedOplog(OplogStore store, ClusterClock clock, DocumentLookup lookup) {
        this.store = store;
        this.clock = clock;
        this.lookup = lookup;
        if (store.isEmpty()) {
            // MongoDB starts a replica set's oplog with a no-op too: streams opened now get a real position.
            append(Kind.NOOP, "", new Document("msg", "initiating oplog"));
        }
    }

    OplogStore store() {
        return store;
    }

    @Override
    public void handleInsert(String namespace, List<Document> documents) {
        if (isIgnored(namespace)) {
            return;
        }
        for (Document document : documents) {
            // The backend reports every document of the batch, also those refused as duplicates; only an
            // exact copy of a refused document that is already stored gets through this check.
            Document stored = lookup.byId(namespace, document.get("_id"));
            if (stored != null && stored.equals(document)) {
                append(Kind.INSERT, namespace, new Document(OplogEntry.DOCUMENT, stored));
            }
        }
    }

    @Override
    public void handleUpdate(String namespace, Document selector, Document update, List<Object> modifiedIds) {
        if (isIgnored(namespace)) {
            return;
        }
        for (Object id : modifiedIds) {
            Document postImage = lookup.byId(namespace, id);
            if (postImage == null) {
                continue;
            }
            if (UpdateDescriptions.isReplacement(update)) {
                append(Kind.REPLACE, namespace, new Document(OplogEntry.ID, id).append(OplogEntry.DOCUMENT, postImage));
            } else {
                append(Kind.UPDATE, namespace, new Document(OplogEntry.ID, id)
                        .append(OplogEntry.UPDATE_DESCRIPTION, UpdateDescriptions.of(update, postImage)));
            }
        }
    }

    @Override
    public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
        if (isIgnored(namespace)) {
            return;
        }
        for (Object id : deletedIds) {
            append(Kind.DELETE, namespace, new Document(OplogEntry.ID, id));
        }
    }

    @Override
    public void handleDropCollection(String namespace) {
        if (isIgnored(namespace)) {
            return;
        }
        append(Kind.DROP, namespace, new Document());
        invalidate(List.of(namespace));
    }

    void handleRename(String fromNamespace, String toNamespace) {
        if (isIgnored(fromNamespace)) {
            return;
        }
        append(Kind.RENAME, fromNamespace, new Document(OplogEntry.TO, toNamespace));
        invalidate(List.of(fromNamespace, toNamespace));
    }

    void handleDropDatabase(String database) {
        if (INTERNAL_DATABASES.contains(database)) {
            return;
        }
        append(Kind.DROP_DATABASE, database, new Document());
        invalidate(List.of(database));
    }

    /** Change streams are opened by {@link ChangeStreams}, whose replies also carry postBatchResumeToken. */
    @Override
    public Cursor createCursor(Document changeStreamDocument, String namespace, Aggregation aggregation) {
        throw new UnsupportedOperationException("change streams are opened by ChangeStreams");
    }

    /** Runs {@code listener} once, on the appending thread, after the next append; it must be quick. */
    void onNextAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    void removeAppendListener(Runnable listener) {
        appendListeners.remove(listener);
    }

    private void invalidate(List<String> namespaces) {
        append(Kind.INVALIDATE, "", new Document(OplogEntry.TARGETS, namespaces));
    }

    private void append(Kind kind, String namespace, Document body) {
        synchronized (appendLock) {
            long position = clock.next().getValue();
            store.append(new OplogEntry(position, clock.clock().instant(), kind, namespace, body));
        }
        Runnable listener;
        while ((listener = appendListeners.poll()) != null) {
            listener.run();
        }
    }

    private static boolean isIgnored(String namespace) {
        int dot = namespace.indexOf('.');
        return INTERNAL_DATABASES.contains(namespace.substring(0, dot))
                || namespace.substring(dot + 1).startsWith("system.");
    }
}
