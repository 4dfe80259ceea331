package live.bookhub.embedded.mongo;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend with {@link BoundedOplog} in place of the stock oplog, and with change streams,
 * their getMores, renames and dropDatabase routed through it; it answers as the primary of a
 * one-member replica set ({@link ReplicaSetMember}, {@link OplogView}) and refuses transactions,
 * which it cannot honour.
 */
final class OplogH2Backend extends H2Backend {

    private final long oplogMaxSizeBytes;
    private BoundedOplog boundedOplog;
    private ChangeStreams changeStreams;
    private ReplicaSetMember member;
    private OplogView oplogView;
    private OperationsInProgress operations;

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
        operations = new OperationsInProgress(getClock(), member::connectionId);
        return boundedOplog;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new OplogH2Database(databaseName, getMvStore(), getCursorRegistry(), () -> boundedOplog);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (query.containsKey("startTransaction") || query.containsKey("autocommit")) {
            // Not IllegalOperation (20), MongoDB's code for a standalone's refusal: drivers (mongosh's among them)
            // answer 20 on a write with "does not support retryable writes", which hides this message
            throw new MongoServerError(263, "OperationNotSupportedInTransaction", "multi-document transactions are not"
                    + " supported by this embedded server (mongo-java-server keeps no snapshot or undo for a session's"
                    + " writes); each write applies on its own, so run them without a transaction or use a real replica set");
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
        if (operations != null && OperationsInProgress.handles(databaseName, command, query)) {
            return operations.handle(command, query);
        }
        if (databaseName.equals("admin") && command.equals("aggregate") && query.get(command) instanceof String collection) {
            // mongo-java-server takes every command on admin for a server command, so admin holds no collection
            // and an aggregate of one (mongosh asks admin.atlascli as it starts) finds nothing, as on MongoDB
            return new Document("cursor", new Document("id", 0L).append("ns", "admin." + collection)
                    .append("firstBatch", List.of())).append("ok", 1.0);
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

    /** The databases open now (each stored one is opened at start). */
    List<OplogH2Database> databases() {
        List<OplogH2Database> open = new ArrayList<>();
        for (String name : List.copyOf(listDatabaseNames())) {
            if (resolveDatabase(name) instanceof OplogH2Database database) {
                open.add(database);
            }
        }
        return open;
    }

    OperationsInProgress operations() {
        return operations;
    }

    BoundedOplog boundedOplog() {
        return boundedOplog;
    }

    ReplicaSetMember member() {
        return member;
    }

    /** A primary-key lookup that never creates the database or collection it looks in, nor waits for a write to it. */
    private Document lookUp(String namespace, Object id) {
        int dot = namespace.indexOf('.');
        String databaseName = namespace.substring(0, dot);
        if (!listDatabaseNames().contains(databaseName)) {
            return null;
        }
        MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(namespace.substring(dot + 1), false);
        return collection instanceof OplogH2Collection stored ? stored.findById(id) : null;
    }
}
