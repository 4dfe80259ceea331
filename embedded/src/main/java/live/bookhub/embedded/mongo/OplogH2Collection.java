package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An H2 collection that records each write in the oplog as it stores it, under the collection's
 * lock, with the document before and after: whatever the path (insert, update, findAndModify,
 * upsert, delete), the oplog hears of exactly the writes that happened. It also applies pipeline
 * updates ({@link PipelineUpdate}), which mongo-java-server does not know.
 */
final class OplogH2Collection extends H2Collection {

    private static final String ID = "_id";
    private static final String ID_INDEX = "_id_";
    /** Meta-map keys: whether change streams get pre- and post-images of this collection; its UUID. */
    private static final String IMAGES_KEY = "changeStreamPreAndPostImages";
    private static final String UUID_KEY = "uuid";

    /** Gives null while the backend opens the stored databases, before the oplog is enabled (nothing is written then). */
    private final Supplier<BoundedOplog> oplog;
    private final MVMap<String, Object> metaMap;
    /** The update being applied, which tells a replacement from an update; guarded by this collection's monitor. */
    private Document currentUpdate;

    OplogH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                      Supplier<BoundedOplog> oplog) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.oplog = oplog;
        this.metaMap = metaMap;
        metaMap.putIfAbsent(UUID_KEY, UUID.randomUUID());
    }

    /**
     * The document with this {@code _id} as stored now, read without the collection's lock (a change
     * stream's {@code updateLookup}): the lock is held for a whole write command, so a lookup under it
     * waits out an updateMany of thousands of documents, and with it every later change of the stream and
     * every connection on its event loop. H2's maps take reads while a write goes on, and each document
     * is stored with one put. A copy: what the map holds is shared with every later read.
     */
    Document findById(Object id) {
        Document key = new Document(ID, id);
        try {
            for (Index<Object> index : getIndexes()) {
                if (index.getName().equals(ID_INDEX)) {
                    Object position = index.getPosition(key);
                    Document document = position == null ? null : getDocument(position);
                    return document == null ? null : document.cloneDeeply();
                }
            }
        } catch (ConcurrentModificationException e) {
            // an index was being created meanwhile: look it up under the lock
        }
        for (Document document : handleQuery(key, 0, 1)) {
            return document;
        }
        return null;
    }

    /** Like MongoDB's collection UUID: given at creation, kept across renames and restarts. */
    UUID uuid() {
        return (UUID) metaMap.get(UUID_KEY);
    }

    boolean keepsImages() {
        return Boolean.TRUE.equals(metaMap.get(IMAGES_KEY));
    }

    void keepImages(boolean enabled) {
        metaMap.put(IMAGES_KEY, enabled);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean multi, boolean upsert, Oplog unused) {
        PipelineUpdate pipeline = PipelineUpdate.in(update);
        if (pipeline == null) {
            return applying(update, () -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, unused));
        }
        List<Document> matched = new ArrayList<>();
        handleQuery(selector, 0, multi ? 0 : 1).forEach(matched::add);
        int modified = 0;
        for (Document document : matched) {
            Document replacement = pipeline.apply(document);
            Document result = applying(update, () -> super.updateDocuments(new Document(ID, document.get(ID)), replacement,
                    ArrayFilters.empty(), false, false, unused));
            modified += ((Number) result.get("nModified")).intValue();
        }
        Document result = new Document("n", matched.size()).append("nModified", modified);
        if (matched.isEmpty() && upsert) {
            Document created = pipeline.apply(PipelineUpdate.seed(selector));
            created.putIfAbsent(ID, new ObjectId());
            addDocument(created);
            result.append("upserted", created.get(ID));
        }
        return result;
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        Document update = (Document) query.get("update");
        PipelineUpdate pipeline = PipelineUpdate.in(update);
        if (pipeline == null) {
            return applying(update, () -> super.findAndModify(query));
        }
        // The pipeline needs the document it updates: pick it as findAndModify would, then replace just it.
        Document selector = (Document) query.getOrDefault("query", new Document());
        Document target = null;
        Document pick = new Document("query", selector).append("orderby", query.get("sort"));
        for (Document document : handleQuery(pick, 0, 1)) {
            target = document;
        }
        Document narrowed = new Document(query);
        narrowed.remove("sort");
        if (target != null) {
            narrowed.put("query", new Document(ID, target.get(ID)));
        }
        narrowed.put("update", pipeline.apply(target != null ? target : PipelineUpdate.seed(selector)));
        return applying(update, () -> super.findAndModify(narrowed));
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        boolean replacement = currentUpdate != null && UpdateDescriptions.isReplacement(currentUpdate);
        record(log -> log.recordUpdate(this, oldDocument, newDocument, replacement));
    }

    @Override
    public synchronized void addDocument(Document document) {
        super.addDocument(document);
        record(log -> log.recordInsert(this, document));
    }

    @Override
    public synchronized void removeDocument(Document document) {
        super.removeDocument(document);
        record(log -> log.recordDelete(this, document));
    }

    private void record(Consumer<BoundedOplog> write) {
        BoundedOplog log = oplog.get();
        if (log != null) {
            write.accept(log);
        }
    }

    private Document applying(Document update, Supplier<Document> write) {
        currentUpdate = update;
        try {
            return write.get();
        } finally {
            currentUpdate = null;
        }
    }
}
