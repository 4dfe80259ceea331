package live.bookhub.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.support.Mongosh;
import tools.jackson.databind.JsonNode;

/**
 * The real mongosh as one long-lived process writing books and customers' orders at a steady pace
 * ({@code mongosh-writer.js}); each line it prints is a write for the source log.
 */
final class MongoshWriter implements AutoCloseable {

    static final long SEQ_BASE = 10_000_000;

    private final Process process;
    private final Path stopFile;
    private final Thread reader;

    private MongoshWriter(Process process, Path stopFile, SourceLog log) {
        this.process = process;
        this.stopFile = stopFile;
        this.reader = new Thread(() -> read(process.getInputStream(), log), "mongosh-writer-log");
        this.reader.start();
    }

    static MongoshWriter start(String mongoUri, List<String> userIds, double perSecond, Path workDir, SourceLog log) {
        try {
            Path stopFile = workDir.resolve("mongosh-writer.stop");
            String settings = EnvelopeCodec.mapper().createObjectNode().put("seqBase", SEQ_BASE)
                    .put("periodMs", Math.max(1, Math.round(1000 / perSecond))).put("stopFile", stopFile.toString())
                    .set("users", EnvelopeCodec.mapper().valueToTree(userIds)).toString();
            String script = "const FAULTS = " + settings + ";\n" + resource("/mongosh-writer.js");
            Path scriptFile = workDir.resolve("mongosh-writer.js");
            Files.writeString(scriptFile, script);
            // a short server selection, so that a write during a MongoDB outage fails and the loop goes on
            Process process = new ProcessBuilder(Mongosh.binary().toString(), mongoUri + "?serverSelectionTimeoutMS=3000",
                    "--quiet", "--norc", "--file", scriptFile.toString())
                    .redirectError(ProcessBuilder.Redirect.appendTo(workDir.resolve("logs/mongosh-writer.log").toFile())).start();
            return new MongoshWriter(process, stopFile, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mongosh", e);
        }
    }

    private static void read(InputStream output, SourceLog log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode w = EnvelopeCodec.mapper().readTree(line);
                log.record(new Write(w.path("seq").asLong(), "mongosh", w.path("type").asString(), w.path("topic").asString(),
                        w.path("id").asString(), w.path("t0").asLong(), w.path("t1").asLong(), w.path("ok").asBoolean()));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = MongoshWriter.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the script to stop after its current write, so that every write it made is logged. */
    @Override
    public void close() throws InterruptedException, IOException {
        Files.writeString(stopFile, "stop");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }
}
