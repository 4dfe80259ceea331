package live.bookhub.api.support;

import live.bookhub.embedded.EmbeddedMongo;

/**
 * One in-memory MongoDB-wire server for the whole test JVM, so that Spring's cached test
 * contexts all talk to a live server. Test classes clean the collections they use.
 */
public final class SharedMongo {

    private static EmbeddedMongo server;

    private SharedMongo() {
    }

    public static synchronized String connectionString() {
        if (server == null) {
            server = EmbeddedMongo.start(0, null);
            EmbeddedMongo started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-mongo-shutdown"));
        }
        return server.connectionString("bookhub");
    }
}
