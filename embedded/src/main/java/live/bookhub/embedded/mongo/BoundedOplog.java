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
 * The write side of the oplog: records each write as an entry shaped like MongoDB's (documentKey
 * {_id}, update descriptions, replace, the images of collections that keep them, drop/rename/
 * dropDatabase followed by the invalidation they cause) and wakes the change-stream getMores that
 * wait for the next entry.
 */
final class BoundedOplog implements Oplog {

    /** MongoDB keeps these out of change streams. */
    private static final Set<String> INTERNAL_DATABASES = Set.of("admin", "config", "local");

    private final OplogStore store;
    private final ClusterClock clock;
    private final Object appendLock = new Object();
    private final Queue<Runnable> appendListeners = new ConcurrentLinkedQueue<>();

    BoundedOplog(OplogStore store, ClusterClock clock) {
        this.store = store;
        this.clock = clock;
        if (store.isEmpty()) {
            // MongoDB starts a replica set's oplog with a no-op too: streams opened now get a real position.
            append(Kind.NOOP, "", new Document("msg", "initiating oplog"));
        }
    }

    OplogStore store() {
        return store;
    }

    /** Recorded by {@link OplogH2Collection} as the document is stored, without the refused ones of a batch. */
    @Override
    public void handleInsert(String namespace, List<Document> documents) {
    }

    /** Recorded by {@link OplogH2Collection} with the images of each document, pipeline updates included. */
    @Override
    public void handleUpdate(String namespace, Document selector, Document update, List<Object> modifiedIds) {
    }

    /** Recorded by {@link OplogH2Collection} with each deleted document. */
    @Override
    public void handleDelete(String namespace, Document query, List<Object> deletedIds) {
    }

    void recordInsert(String namespace, Document document) {
        if (!isIgnored(namespace)) {
            append(Kind.INSERT, namespace, new Document(OplogEntry.DOCUMENT, document));
        }
    }

    /**
     * @param images whether the collection keeps pre- and post-images for change streams
     *               ({@code changeStreamPreAndPostImages})
     */
    void recordUpdate(String namespace, Document before, Document after, boolean replacement, boolean images) {
        if (isIgnored(namespace)) {
            return;
        }
        Document body = new Document(OplogEntry.ID, after.get("_id"));
        if (replacement) {
            body.append(OplogEntry.DOCUMENT, after);
        } else {
            body.append(OplogEntry.UPDATE_DESCRIPTION, UpdateDescriptions.of(before, after));
        }
        if (images) {
            body.append(OplogEntry.PRE_IMAGE, before).append(OplogEntry.POST_IMAGE, after);
        }
        append(replacement ? Kind.REPLACE : Kind.UPDATE, namespace, body);
    }

    void recordDelete(String namespace, Document before, boolean images) {
        if (isIgnored(namespace)) {
            return;
        }
        Document body = new Document(OplogEntry.ID, before.get("_id"));
        if (images) {
            body.append(OplogEntry.PRE_IMAGE, before);
        }
        append(Kind.DELETE, namespace, body);
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
