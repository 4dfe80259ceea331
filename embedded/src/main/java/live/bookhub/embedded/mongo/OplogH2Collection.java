package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An H2 collection whose findAndModify (findOneAndUpdate/Replace/Delete, upserts included) reaches
 * the oplog: mongo-java-server writes those without telling it. The writes are noted as they
 * happen, under the collection's lock, and reported before the lock is released.
 */
final class OplogH2Collection extends H2Collection {

    private sealed interface Write permits Inserted, Updated, Deleted {
    }

    private record Inserted(Document document) implements Write {
    }

    private record Updated(Object id) implements Write {
    }

    private record Deleted(Object id) implements Write {
    }

    private final Supplier<Oplog> oplog;
    /** Non-null only inside findAndModify; guarded by this collection's monitor. */
    private List<Write> noted;

    OplogH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                      Supplier<Oplog> oplog) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.oplog = oplog;
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        noted = new ArrayList<>();
        Document result;
        List<Write> writes = noted;
        try {
            result = super.findAndModify(query);
        } finally {
            noted = null;
        }
        Document selector = (Document) query.getOrDefault("query", new Document());
        for (Write write : writes) {
            if (write instanceof Inserted inserted) {
                oplog.get().handleInsert(getFullName(), List.of(inserted.document()));
            } else if (write instanceof Updated updated) {
                oplog.get().handleUpdate(getFullName(), selector, (Document) query.get("update"), List.of(updated.id()));
            } else if (write instanceof Deleted deleted) {
                oplog.get().handleDelete(getFullName(), selector, List.of(deleted.id()));
            }
        }
        return result;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        note(new Updated(newDocument.get(getIdField())));
    }

    @Override
    public synchronized void addDocument(Document document) {
        super.addDocument(document);
        note(new Inserted(document));
    }

    @Override
    public synchronized void removeDocument(Document document) {
        super.removeDocument(document);
        note(new Deleted(document.get(getIdField())));
    }

    private void note(Write write) {
        if (noted != null) {
            noted.add(write);
        }
    }
}
