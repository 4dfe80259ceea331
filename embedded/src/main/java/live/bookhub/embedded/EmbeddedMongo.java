package live.bookhub.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire server for the local stack and the tests: mongo-java-server on H2, persisted in
 * {@code dataDir} (or in memory), with the oplog on so that change streams work, reporting a wire
 * version that mongosh 2.x accepts.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** mongosh 2.x refuses wire versions below 9; 17 ("6.0.0") works with mongosh and driver 5.x. */
    static final MongoVersion REPORTED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(6, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 17;
        }
    };

    private final MongoServer server;
    private final H2Backend backend;
    private final int port;

    private EmbeddedMongo(MongoServer server, H2Backend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.port = port;
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param port    0 for any free port
     * @param dataDir where the data lives across restarts, or {@code null} to keep it in memory
     */
    public static EmbeddedMongo start(int port, Path dataDir) {
        H2Backend backend = openBackend(dataDir);
        backend.version(REPORTED_VERSION);
        MongoServer server = new MongoServer(backend);
        server.enableOplog();
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("MongoDB-wire server cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        return new EmbeddedMongo(server, backend, server.getLocalAddress().getPort());
    }

    private static H2Backend openBackend(Path dataDir) {
        if (dataDir == null) {
            return H2Backend.inMemory();
        }
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create MongoDB data folder " + dataDir, e);
        }
        return new H2Backend(dataDir.resolve("mongo.mv").toString());
    }

    public int port() {
        return port;
    }

    /** A connection string for the Java driver and for mongosh. */
    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
