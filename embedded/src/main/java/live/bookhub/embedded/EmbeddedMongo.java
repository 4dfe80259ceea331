package live.bookhub.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoVersion;
import live.bookhub.embedded.mongo.WireServer;

/**
 * A MongoDB-wire server for the local stack and the tests: mongo-java-server on H2, persisted in
 * {@code dataDir} (or in memory), with a bounded oplog whose change streams behave like MongoDB 6's
 * (resume tokens, postBatchResumeToken, awaitData, ChangeStreamHistoryLost), reporting a wire
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

    /**
     * @param oplogMaxSizeBytes the oplog's cap in bytes (of stored BSON); beyond it the oldest entries
     *                          are evicted and resuming before them fails with ChangeStreamHistoryLost
     * @param testCommands      MongoDB's {@code enableTestCommands}: {@code configureFailPoint} with the
     *                          {@code failCommand} fail point, for tests that inject errors; off by default,
     *                          and refused on any address but a loopback one
     */
    public record Options(long oplogMaxSizeBytes, boolean testCommands) {

        public static final long DEFAULT_OPLOG_MAX_SIZE_BYTES = 256L * 1024 * 1024;

        public Options {
            if (oplogMaxSizeBytes <= 0) {
                throw new IllegalArgumentException("oplogMaxSizeBytes must be positive, got " + oplogMaxSizeBytes);
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_OPLOG_MAX_SIZE_BYTES, false);
        }

        public Options withOplogMaxSizeBytes(long bytes) {
            return new Options(bytes, testCommands);
        }

        public Options withTestCommands() {
            return new Options(oplogMaxSizeBytes, true);
        }
    }

    private final WireServer server;

    private EmbeddedMongo(WireServer server) {
        this.server = server;
    }

    /**
     * Starts a server on 127.0.0.1 with the default options.
     *
     * @param port    0 for any free port
     * @param dataDir where the data and the oplog live across restarts, or {@code null} to keep them in memory
     */
    public static EmbeddedMongo start(int port, Path dataDir) {
        return start(port, dataDir, Options.defaults());
    }

    public static EmbeddedMongo start(int port, Path dataDir, Options options) {
        Path storeFile = dataDir == null ? null : createDirectories(dataDir).resolve("mongo.mv");
        try {
            return new EmbeddedMongo(WireServer.start("127.0.0.1", port, storeFile, options.oplogMaxSizeBytes(),
                    REPORTED_VERSION, options.testCommands()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("MongoDB-wire server cannot start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    private static Path createDirectories(Path dataDir) {
        try {
            return Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create MongoDB data folder " + dataDir, e);
        }
    }

    public int port() {
        return server.port();
    }

    /** A connection string for the Java driver and for mongosh. */
    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + server.port() + "/" + database;
    }

    @Override
    public void close() {
        server.close();
    }
}
