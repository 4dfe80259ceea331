package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import live.bookhub.embedded.mongo.OplogEntry.Kind;

final class OplogH2Database extends H2Database {

    /** Same map names as H2Database, which keeps its prefixes private. */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_INFIX = "._index_";
    private static final Document ID_INDEX = new Document("v", 2).append("key", new Document("_id", 1)).append("name", "_id_");

    private final CollectionOptionCommands options = new CollectionOptionCommands(this::collection);
    private final TtlIndexes ttlIndexes = new TtlIndexes(indexes::get);
    private final MVStore mvStore;
    /** Gives null while the backend opens the stored databases, before the oplog is enabled (nothing is written then). */
    private final Supplier<BoundedOplog> boundedOplog;

    OplogH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry, Supplier<BoundedOplog> boundedOplog) {
        super(databaseName, mvStore, cursorRegistry);
        this.mvStore = mvStore;
        this.boundedOplog = boundedOplog;
        super.initializeNamespacesAndIndexes();
    }

    /**
     * H2Database's constructor opens the stored collections, before this class's fields are set; they
     * are opened at the end of this class's constructor instead.
     */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (boundedOplog != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        String collectionName = String.valueOf(query.get(command));
        switch (command) {
            case "drop" -> {
                if (collection(collectionName) == null) {
                    throw namespaceNotFound();
                }
            }
            case "dropIndexes", "deleteIndexes" -> {
                return dropIndexes(collectionName, query.get("index"));
            }
            case "createIndexes" -> {
                if (query.get("indexes") instanceof List<?> specs) {
                    specs.forEach(TtlIndexes::validate);
                }
                return createIndexes(collectionName, () -> super.handleCommand(channel, command, query, resolver, oplog));
            }
            case "create" -> {
                Document reply = super.handleCommand(channel, command, query, resolver, oplog);
                OplogH2Collection created = collection(collectionName);
                options.created(created, query);
                record(log -> log.recordCreate(created, createDescription(created)));
                return reply;
            }
            case "collMod" -> {
                return collMod(collectionName, query);
            }
            case "listCollections" -> {
                return options.describe(super.handleCommand(channel, command, query, resolver, oplog));
            }
            case "update" -> {
                if (query.get("updates") instanceof List<?> updates) {
                    updates.forEach(update -> ((Document) update).computeIfPresent("u", (key, u) -> PipelineUpdate.carried(u)));
                }
            }
            case "findAndModify" -> query.computeIfPresent("update", (key, update) -> PipelineUpdate.carried(update));
            default -> {
                // mongo-java-server's answer is MongoDB's
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    /** This database's TTL indexes, which {@link TtlMonitor} expires documents by. */
    TtlIndexes ttlIndexes() {
        return ttlIndexes;
    }

    /** The stock unique index with its keys compared as stored: see {@link SerializedKey}. */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVMap<SerializedKey, Object> map = mvStore.openMap(getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName,
                SerializedKeyIndex.mapBuilder());
        return new SerializedKeyIndex(map, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = mvStore.openMap(DATA_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().keyType(new DocumentIdType()).valueType(new DocumentValueType()));
        MVMap<String, Object> metaMap = mvStore.openMap(META_PREFIX + fullName);
        return new OplogH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry, boundedOplog);
    }

    /** A collection created by its first write (or first index): MongoDB records a create too. */
    @Override
    protected MongoCollection<Object> resolveOrCreateCollection(String collectionName) {
        boolean exists = collection(collectionName) != null;
        MongoCollection<Object> collection = super.resolveOrCreateCollection(collectionName);
        if (!exists && collection instanceof OplogH2Collection created) {
            record(log -> log.recordCreate(created, createDescription(created)));
        }
        return collection;
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        OplogH2Collection collection = collection(collectionName);
        UUID uuid = collection == null ? null : collection.uuid();
        super.dropCollection(collectionName, oplog);
        record(log -> log.recordDrop(getFullCollectionNamespace(collectionName), uuid));
    }

    /**
     * H2Database renames the maps of the collection's new name (empty ones it has just opened) to that
     * same name, so the data, meta and index maps keep the old name: the data is lost on the next start,
     * and a new collection under the old name shares them. They follow the collection here instead.
     */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String from = collection.getFullName();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String to = getFullCollectionNamespace(newCollectionName);
        for (String prefix : List.of(DATA_PREFIX, META_PREFIX)) {
            mvStore.removeMap(prefix + to);
            mvStore.renameMap(mvStore.openMap(prefix + from), prefix + to);
        }
        for (String name : List.copyOf(mvStore.getMapNames())) {
            if (name.startsWith(from + INDEX_INFIX)) {
                mvStore.renameMap(mvStore.openMap(name), to + name.substring(from.length()));
            }
        }
        record(log -> log.recordRename((OplogH2Collection) collection, from));
    }

    /**
     * Under the collection's lock, as the TTL monitor's deletes are: a delete by the new expireAfterSeconds
     * cannot reach the oplog before the {@code modify} event that announces it.
     */
    private Document collMod(String collectionName, Document query) {
        Document applied = options.collMod(query);
        Document reply = new Document();
        OplogH2Collection collection = collection(collectionName);
        synchronized (collection) {
            if (query.containsKey("index")) {
                TtlIndexes.Change change = ttlIndexes.collMod(collection.getFullName(), query.get("index"));
                applied.putAll(change.description());
                reply.putAll(change.reply());
            }
            record(log -> log.recordModify(collection, applied));
        }
        return reply.append("ok", 1.0);
    }

    private Document createIndexes(String collectionName, Supplier<Document> create) {
        List<String> before = indexSpecs(collectionName).stream().map(spec -> (String) spec.get("name")).toList();
        Document reply = create.get();
        List<Document> created = indexSpecs(collectionName).stream().filter(spec -> !before.contains(spec.get("name"))).toList();
        if (!created.isEmpty()) {
            record(log -> log.recordIndexes(Kind.CREATE_INDEXES, collection(collectionName), created));
        }
        return reply;
    }

    /**
     * MongoDB 6.0's dropIndexes: by name, names, key pattern or "*", of this collection only
     * (mongo-java-server removes every index of that name in the database).
     */
    private Document dropIndexes(String collectionName, Object index) {
        OplogH2Collection collection = collection(collectionName);
        if (collection == null) {
            throw namespaceNotFound();
        }
        int before = collection.getNumIndexes();
        for (Document spec : indexSpecs(collectionName)) {
            String name = (String) spec.get("name");
            boolean wanted = "*".equals(index) ? !name.equals("_id_")
                    : index instanceof List<?> names ? names.contains(name)
                    : index instanceof Document key ? key.equals(spec.get("key"))
                    : name.equals(index);
            if (!wanted) {
                continue;
            }
            if (name.equals("_id_")) {
                throw new MongoServerError(72, "InvalidOptions", "cannot drop _id index");
            }
            dropIndex(collection, name);
            indexes.get().deleteDocuments(new Document("ns", collection.getFullName()).append("name", name), 1,
                    NoopOplog.get());
            record(log -> log.recordIndexes(Kind.DROP_INDEXES, collection, List.of(spec)));
        }
        if (before == collection.getNumIndexes() && !"*".equals(index)) {
            throw new MongoServerError(27, "IndexNotFound", "index not found with name [" + index + "]");
        }
        return new Document("nIndexesWas", before).append("ok", 1.0);
    }

    /** The collection's index specifications as listIndexes shows them. */
    private List<Document> indexSpecs(String collectionName) {
        List<Document> specs = new ArrayList<>();
        if (indexes.get() != null) {
            for (Document description : indexes.get().handleQuery(new Document("ns", getFullCollectionNamespace(collectionName)))) {
                Document spec = description.clone();
                spec.remove("ns");
                specs.add(spec);
            }
        }
        return specs;
    }

    private Document createDescription(OplogH2Collection collection) {
        Document description = new Document("idIndex", ID_INDEX);
        if (collection.keepsImages()) {
            description.put(CollectionOptionCommands.IMAGES_OPTION, new Document("enabled", true));
        }
        return description;
    }

    private OplogH2Collection collection(String collectionName) {
        return (OplogH2Collection) resolveCollection(collectionName, false);
    }

    private static MongoServerError namespaceNotFound() {
        return new MongoServerError(26, "NamespaceNotFound", "ns not found");
    }

    /** Records in the oplog, once it is enabled (the backend opens the stored databases before). */
    private void record(Consumer<BoundedOplog> entry) {
        BoundedOplog log = boundedOplog.get();
        if (log != null) {
            entry.accept(log);
        }
    }
}
