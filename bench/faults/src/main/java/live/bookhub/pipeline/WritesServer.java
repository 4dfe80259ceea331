package live.bookhub.pipeline;

import java.io.IOException;
import java.nio.file.Path;

import live.bookhub.embedded.EmbeddedMongo;

/**
 * The embedded MongoDB-wire server alone, in its own JVM, for {@link WritesRun}: started on a free port
 * in {@code args[0]} (a data folder, as the local stack persists it), it prints its port and runs until
 * its standard input closes (its parent ended, however it ended).
 */
public final class WritesServer {

    private WritesServer() {
    }

    public static void main(String[] args) throws IOException {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, Path.of(args[0]))) {
            System.out.println("port " + mongo.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // the parent never writes: EOF is its end
            }
        }
    }
}
