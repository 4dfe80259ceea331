package live.bookhub.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import de.bwaldvogel.mongo.MongoVersion;
import live.bookhub.embedded.mongo.WireServer;

/**
 * A MongoDB-wire server for the local stack and the tests: mongo-java-server on H2, persisted in
 * {@code dataDir} (or in memory), that drivers and mongosh see as the primary of a one-member replica
 * set running MongoDB 6.0, with a bounded oplog whose change streams behave like MongoDB's (resume
 * tokens, postBatchResumeToken, awaitData, pre- and post-images, ChangeStreamHistoryLost). What it
 * does not do as MongoDB does is listed in the module's README.
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
     * @param ttlMonitorInterval how long the TTL monitor sleeps between its passes over the TTL indexes
     *                           (MongoDB's {@code ttlMonitorSleepSecs}, 60 s); shorter in tests of expiry
     */
    public record Options(long oplogMaxSizeBytes, boolean testCommands, Duration ttlMonitorInterval) {

        public static final long DEFAULT_OPLOG_MAX_SIZE_BYTES = 256L * 1024 * 1024;
        public static final Duration DEFAULT_TTL_MONITOR_INTERVAL = Duration.ofSeconds(60);

        public Options {
            if (oplogMaxSizeBytes <= 0) {
                throw new IllegalArgumentException("oplogMaxSizeBytes must be positive, got " + oplogMaxSizeBytes);
            }
            if (ttlMonitorInterval.toMillis() <= 0) {
                throw new IllegalArgumentException("ttlMonitorInterval must be at least 1 ms, got " + ttlMonitorInterval);
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_OPLOG_MAX_SIZE_BYTES, false, DEFAULT_TTL_MONITOR_INTERVAL);
        }

        public Options withOplogMaxSizeBytes(long bytes) {
            return new Options(bytes, testCommands, ttlMonitorInterval);
        }

        public Options withTestCommands() {
            return new Options(oplogMaxSizeBytes, true, ttlMonitorInterval);
        }

        public Options withTtlMonitorInterval(Duration interval) {
            return new Options(oplogMaxSizeBytes, testCommands, interval);
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
                    REPORTED_VERSION, options.testCommands(), options.ttlMonitorInterval()));
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
