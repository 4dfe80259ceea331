package live.bookhub.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.support.Mongosh;
import tools.jackson.databind.JsonNode;

/**
 * A DBA at the real mongosh: each call runs one script in its own mongosh process and returns when
 * the script's writes started and when the last one was answered, as the script itself measured them.
 */
final class Dba {

    /** When the writes started and when mongosh had the last answer, in epoch milliseconds. */
    record Writes(long startMillis, long returnedMillis) {
        long millis() {
            return returnedMillis - startMillis;
        }
    }

    private final String uri;

    Dba(String uri) {
        this.uri = uri;
    }

    /** {@code count} new books, by {@code insertMany} of {@code batch} each. */
    Writes insertBooks(int count, int batch) {
        return run("const t0 = Date.now();" + insertMany("Pipeline Bench", count, batch) + "print(JSON.stringify({t0: t0, t1: Date.now()}));");
    }

    /** {@code count} books of their own inserted, updated once and deleted: 3 × {@code count} changes. */
    Writes warmUp(int count, int batch) {
        return run("const t0 = Date.now();" + insertMany("Pipeline Warm-up", count, batch)
                + "db.books.updateMany({author: 'Pipeline Warm-up'}, {$inc: {stock: 1}});"
                + "db.books.deleteMany({author: 'Pipeline Warm-up'});"
                + "print(JSON.stringify({t0: t0, t1: Date.now()}));");
    }

    private static String insertMany(String author, int count, int batch) {
        return "for (let i = 0; i < " + count + "; i += " + batch + ") {"
                + "  const docs = [];"
                + "  for (let j = i; j < Math.min(" + count + ", i + " + batch + "); j++) {"
                + "    docs.push({title: 'Pipeline ' + j, author: '" + author + "', price: 10 + j % 50, stock: 5});"
                + "  }"
                + "  db.books.insertMany(docs);"
                + "}";
    }

    /** {@code rounds} times one {@code updateMany} over every book the bench inserted. */
    Writes updateAllBooks(int rounds) {
        return run("const t0 = Date.now();"
                + "for (let r = 0; r < " + rounds + "; r++) {"
                + "  db.books.updateMany({author: 'Pipeline Bench'}, {$inc: {stock: 1}});"
                + "}"
                + "print(JSON.stringify({t0: t0, t1: Date.now()}));");
    }

    private Writes run(String script) {
        try {
            Process process = new ProcessBuilder(List.of(Mongosh.binary().toString(), uri, "--quiet", "--norc", "--eval", script))
                    .redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("mongosh did not finish within 30 minutes");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("mongosh exited with " + process.exitValue() + ": " + output);
            }
            JsonNode times = EnvelopeCodec.mapper().readTree(output.substring(output.lastIndexOf('{')));
            return new Writes(times.path("t0").asLong(), times.path("t1").asLong());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run mongosh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
