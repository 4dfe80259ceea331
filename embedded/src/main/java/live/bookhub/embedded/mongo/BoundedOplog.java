package live.bookhub.embedded.mongo;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
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

    /*
     * The backend's own notifications carry neither images nor UUIDs: collections and the database record
     * their changes themselves, through the methods below.
     */

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

    /** Recorded by the database with the collection's UUID. */
    @Override
    public void handleDropCollection(String namespace) {
    }

    void recordInsert(OplogH2Collection collection, Document document) {
        record(Kind.INSERT, collection, new Document(OplogEntry.DOCUMENT, document));
    }

    /** Pre- and post-images go with the entry where the collection keeps them ({@code changeStreamPreAndPostImages}). */
    void recordUpdate(OplogH2Collection collection, Document before, Document after, boolean replacement) {
        Document body = new Document(OplogEntry.ID, after.get("_id"));
        if (replacement) {
            body.append(OplogEntry.DOCUMENT, after);
        } else {
            body.append(OplogEntry.UPDATE_DESCRIPTION, UpdateDescriptions.of(before, after));
        }
        if (collection.keepsImages()) {
            body.append(OplogEntry.PRE_IMAGE, before).append(OplogEntry.POST_IMAGE, after);
        }
        record(replacement ? Kind.REPLACE : Kind.UPDATE, collection, body);
    }

    void recordDelete(OplogH2Collection collection, Document before) {
        Document body = new Document(OplogEntry.ID, before.get("_id"));
        if (collection.keepsImages()) {
            body.append(OplogEntry.PRE_IMAGE, before);
        }
        record(Kind.DELETE, collection, body);
    }

    /** A collection created, explicitly or by its first write, with its options and its _id index. */
    void recordCreate(OplogH2Collection collection, Document options) {
        record(Kind.CREATE, collection, new Document(OplogEntry.DESCRIPTION, options));
    }

    void recordIndexes(Kind kind, OplogH2Collection collection, List<Document> specs) {
        record(kind, collection, new Document(OplogEntry.DESCRIPTION, new Document("indexes", specs)));
    }

    void recordModify(OplogH2Collection collection, Document options) {
        record(Kind.MODIFY, collection, new Document(OplogEntry.DESCRIPTION, options));
    }

    /** Takes the UUID as read before the drop: a dropped collection's metadata is gone. */
    void recordDrop(String namespace, UUID uuid) {
        if (!isIgnored(namespace)) {
            append(Kind.DROP, namespace, new Document(OplogEntry.UUID, uuid));
            invalidate(List.of(namespace));
        }
    }

    void recordRename(OplogH2Collection collection, String fromNamespace) {
        String to = collection.getFullName();
        if (!isIgnored(fromNamespace)) {
            append(Kind.RENAME, fromNamespace, new Document(OplogEntry.TO, to).append(OplogEntry.UUID, collection.uuid()));
            invalidate(List.of(fromNamespace, to));
        }
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

    private void record(Kind kind, OplogH2Collection collection, Document body) {
        if (!isIgnored(collection.getFullName())) {
            append(kind, collection.getFullName(), body.append(OplogEntry.UUID, collection.uuid()));
        }
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
