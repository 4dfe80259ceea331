package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.List;

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
        return boundedOplog;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (changeStreams != null && ChangeStreams.isChangeStream(command, query)) {
            return changeStreams.open(databaseName, query);
        }
        if (command.equalsIgnoreCase("hello")) {
            // MongoDB 5+ clients ask "hello" where older ones ask "isMaster" (Spring Boot's health check does).
            Document response = super.handleCommand(channel, databaseName, "isMaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            return response;
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
     * An H2 database whose renames reach the oplog, whose collections record their writes, and whose
     * collection commands answer as MongoDB 6.0 does where mongo-java-server differs. An inner class
     * because H2Database opens collections from its constructor, before a subclass could have stored
     * the MVStore; the enclosing backend already has it.
     */
    private final class Database extends H2Database {

        /** Same map names as H2Database, which keeps its prefixes private. */
        private static final String DATA_PREFIX = "databases.";
        private static final String META_PREFIX = "meta.";
        private static final String INDEX_INFIX = "._index_";

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
            if (command.equalsIgnoreCase("drop") && resolveCollection(String.valueOf(query.get(command)), false) == null) {
                throw namespaceNotFound();
            }
            if (command.equalsIgnoreCase("dropIndexes")) {
                return dropIndexes(String.valueOf(query.get(command)), query.get("index"));
            }
            if (command.equalsIgnoreCase("update") && query.get("updates") instanceof List<?> updates) {
                updates.forEach(update -> ((Document) update).computeIfPresent("u", (key, u) -> PipelineUpdate.carried(u)));
            }
            if (command.equalsIgnoreCase("findAndModify")) {
                query.computeIfPresent("update", (key, update) -> PipelineUpdate.carried(update));
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
            if (boundedOplog != null) {
                boundedOplog.handleRename(from, to);
            }
        }

        /**
         * MongoDB 6.0's dropIndexes: by name, names, key pattern or "*", of this collection only
         * (mongo-java-server removes every index of that name in the database).
         */
        private Document dropIndexes(String collectionName, Object index) {
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            if (collection == null) {
                throw namespaceNotFound();
            }
            int before = collection.getNumIndexes();
            for (String name : indexNames(collection, index)) {
                if (name.equals("_id_")) {
                    throw new MongoServerError(72, "InvalidOptions", "cannot drop _id index");
                }
                dropIndex(collection, name);
                indexes.get().deleteDocuments(new Document("ns", collection.getFullName()).append("name", name), 1,
                        NoopOplog.get());
            }
            return new Document("nIndexesWas", before).append("ok", 1.0);
        }

        private List<String> indexNames(MongoCollection<Object> collection, Object index) {
            List<String> names = new ArrayList<>();
            for (Document description : indexes.get().handleQuery(new Document("ns", collection.getFullName()))) {
                String name = (String) description.get("name");
                boolean wanted = "*".equals(index) ? !name.equals("_id_")
                        : index instanceof List<?> list ? list.contains(name)
                        : index instanceof Document key ? key.equals(description.get("key"))
                        : name.equals(index);
                if (wanted) {
                    names.add(name);
                }
            }
            if (names.isEmpty() && !"*".equals(index)) {
                throw new MongoServerError(27, "IndexNotFound", "index not found with name [" + index + "]");
            }
            return names;
        }

        private static MongoServerError namespaceNotFound() {
            return new MongoServerError(26, "NamespaceNotFound", "ns not found");
        }
    }
}
