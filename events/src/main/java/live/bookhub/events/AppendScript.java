package live.bookhub.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one Lua step that appends an envelope (or a batch of them) to the stream, records its resume
 * token, keeps the stream's epoch and publishes the live copy ({@code append-event.lua} beside this
 * class, which documents its keys and arguments). The watcher runs it; tests that stand in for the watcher run
 * the same script, so they write what the watcher writes.
 */
public final class AppendScript {

    private static final String TEXT = load();

    private AppendScript() {
    }

    public static String text() {
        return TEXT;
    }

    /**
     * A fresh random epoch to pass with every append: the script uses it only when the append has to
     * create the stream. Random, not counted: a counter would live in the Redis that lost the stream.
     */
    public static String candidateEpoch() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    private static String load() {
        try (InputStream in = AppendScript.class.getResourceAsStream("append-event.lua")) {
            if (in == null) {
                throw new IllegalStateException("append-event.lua is missing from the events jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
