package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import live.bookhub.embedded.mongo.OplogEntry.Kind;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend with {@link BoundedOplog} in place of the stock oplog, and with change streams,
 * their getMores, renames and dropDatabase routed through it.
 */
final class OplogH2Backend extends H2Backend {

    private final long oplogMaxSizeBytes;
    private BoundedOplog boundedOplog;
    private ChangeStreams changeStreams;
    private ReplicaSetMember member;
    private OplogView oplogView;

    OplogH2Backend(MVStore mvStore, long oplogMaxSizeBytes) {
        super(mvStore);
        this.oplogMaxSizeBytes = oplogMaxSizeBytes;
    }

    @Override
    protected Oplog createOplog() {
        OplogStore store = new OplogStore(getMvStore(), oplogMaxSizeBytes);
        ClusterClock clock = new ClusterClock(getClock(), store.isEmpty() ? 0 : store.last());
        boundedOplog = new BoundedOplog(store, clock);
        changeStreams = new ChangeStreams(boundedOplog, this::lookUp, getCursorRegistry(), this::resolveDatabase);
        member = new ReplicaSetMember(store, getClock());
        oplogView = new OplogView(store);
        return boundedOplog;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (query.containsKey("startTransaction") || query.containsKey("autocommit")) {
            throw new MongoServerError(20, "IllegalOperation", "multi-document transactions are not supported by this"
                    + " embedded server (mongo-java-server keeps no snapshot or undo for a session's writes); each write"
                    + " applies on its own, so run them without a transaction or use a real replica set");
        }
        if (changeStreams != null && ChangeStreams.isChangeStream(command, query)) {
            return changeStreams.open(databaseName, query);
        }
        boolean legacyHello = command.equalsIgnoreCase("isMaster");
        if (member != null && (legacyHello || command.equals("hello"))) {
            return member.hello(super.handleCommand(channel, databaseName, "isMaster", query), query, channel, legacyHello);
        }
        if (member != null && databaseName.equals("admin") && command.equals("replSetGetStatus")) {
            return member.replSetGetStatus(channel);
        }
        if (member != null && databaseName.equals("admin") && command.equals("replSetGetConfig")) {
            return member.replSetGetConfig(channel);
        }
        if (oplogView != null && databaseName.equals("local") && command.equals("find") && "oplog.rs".equals(query.get(command))) {
            return oplogView.find(query);
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    protected Document handleGetMore(String databaseName, String command, Document query) {
        long cursorId = ((Number) query.get(command)).longValue();
        ChangeStreamCursor cursor = changeStreamCursor(cursorId);
        if (cursor == null) {
            return super.handleGetMore(databaseName, command, query);
        }
        return changeStreams.getMore(cursor, databaseName + "." + query.get("collection"), query.get("batchSize"));
    }

    @Override
    public void dropDatabase(String databaseName) {
        boolean existed = listDatabaseNames().contains(databaseName);
        super.dropDatabase(databaseName);
        if (existed && boundedOplog != null) {
            boundedOplog.handleDropDatabase(databaseName);
        }
    }

    /** Whether {@code command} opens a change stream or is a getMore of one. */
    boolean isChangeStreamCommand(Document command) {
        String name = command.keySet().iterator().next();
        if (name.equals("getMore") && command.get(name) instanceof Number cursorId) {
            return changeStreamCursor(cursorId.longValue()) != null;
        }
        return ChangeStreams.isChangeStream(name, command);
    }

    /** @return null when the oplog is off or {@code cursorId} is no change stream */
    ChangeStreamCursor changeStreamCursor(long cursorId) {
        return changeStreams == null ? null : changeStreams.cursor(cursorId);
    }

    BoundedOplog boundedOplog() {
        return boundedOplog;
    }

    ReplicaSetMember member() {
        return member;
    }

    /** A primary-key lookup that never creates the database or collection it looks in. */
    private Document lookUp(String namespace, Object id) {
        int dot = namespace.indexOf('.');
        String databaseName = namespace.substring(0, dot);
        if (!listDatabaseNames().contains(databaseName)) {
            return null;
        }
        MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(namespace.substring(dot + 1), false);
        if (collection == null) {
            return null;
        }
        for (Document document : collection.handleQuery(new Document("_id", id), 0, 1)) {
            return document;
        }
        return null;
    }

    /**
     * An H2 database whose collections record their writes, which records its own DDL (create, drop,
     * rename, indexes, collMod) with the collections' UUIDs, and whose collection commands answer as
     * MongoDB 6.0 does where mongo-java-server differs. An inner class because H2Database opens
     * collections from its constructor, before a subclass could have stored the MVStore; the enclosing
     * backend already has it.
     */
    private final class Database extends H2Database {

        /** Same map names as H2Database, which keeps its prefixes private. */
        private static final String DATA_PREFIX = "databases.";
        private static final String META_PREFIX = "meta.";
        private static final String INDEX_INFIX = "._index_";
        private static final Document ID_INDEX = new Document("v", 2).append("key", new Document("_id", 1)).append("name", "_id_");

        private final CollectionOptionCommands options = new CollectionOptionCommands(this::collection);

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
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
                    Document applied = options.collMod(query);
                    record(log -> log.recordModify(collection(collectionName), applied));
                    return new Document("ok", 1.0);
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

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(DATA_PREFIX + fullName);
            MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + fullName);
            return new OplogH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry, () -> boundedOplog);
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
            MVStore mvStore = getMvStore();
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
    }

    /** Records in the oplog, once it is enabled (the backend opens the stored databases before). */
    private void record(Consumer<BoundedOplog> entry) {
        if (boundedOplog != null) {
            entry.accept(boundedOplog);
        }
    }
}
