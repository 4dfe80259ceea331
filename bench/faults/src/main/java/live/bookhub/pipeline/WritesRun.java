package live.bookhub.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import live.bookhub.infra.StackSettings;
import live.bookhub.infra.support.Mongosh;

/**
 * {@code ./bookhub bench writes}: the embedded MongoDB-wire server alone, in its own JVM with the local
 * stack's JVM options and a data folder, and a DBA in the real mongosh (the same scripts as
 * {@code bench pipeline}): per round, the {@code books} collection as the api creates it (pre- and
 * post-images, its unique and plain indexes), an {@code insertMany} of the books in batches, then one
 * {@code updateMany} over them. It prints, per round, mongosh's time, the cost per book and the server's
 * CPU time beside the load average; it asserts nothing.
 */
public final class WritesRun {

    /**
     * The options and their defaults: the server's JVM options are the local stack's api's (C1 only, or
     * {@code BOOKHUB_JAVA_OPTS}), as earlier runs had them; {@code server-classpath} goes before the bench's own classes (another build of embedded, for a before).
     */
    private static final Map<String, String> DEFAULTS = new TreeMap<>(Map.of(
            "home", ".", "books", "20000", "insert-batch", "1000", "rounds", "3",
            "server-jvm", String.join(" ", StackSettings.fromEnvironment(System.getenv()).javaOptions("api")), "server-classpath", "",
            "out", "bench/results/embedded-writes-latest.md"));

    /** What {@code MongoIndexes} in the api does to {@code books} at start. */
    private static final String BOOKS_AS_THE_API_CREATES_THEM = "db.books.drop();"
            + "db.createCollection('books');"
            + "db.runCommand({collMod: 'books', changeStreamPreAndPostImages: {enabled: true}});"
            + "db.books.createIndex({isbn: 1}, {name: 'isbn', unique: true, sparse: true});"
            + "for (const f of ['title', 'author', 'genre', 'price', 'year', 'stock', 'createdAt']) db.books.createIndex({[f]: 1}, {name: f});";

    private WritesRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = new TreeMap<>(DEFAULTS);
        for (String arg : args) {
            String[] pair = arg.startsWith("--") ? arg.substring(2).split("=", 2) : new String[0];
            if (pair.length != 2 || !DEFAULTS.containsKey(pair[0])) {
                System.err.println("bench writes: unknown option \"" + arg + "\"; the options are --name=value with names " + DEFAULTS.keySet());
                System.exit(2);
            }
            options.put(pair[0], pair[1]);
        }
        Path home = Path.of(options.get("home")).toAbsolutePath().normalize();
        System.setProperty("bookhub.home", home.toString()); // where infra's Mongosh finds tools/
        int books = positive(options, "books");
        int batch = positive(options, "insert-batch");
        int rounds = positive(options, "rounds");
        List<String> jvm = Arrays.asList(options.get("server-jvm").trim().split("\\s+"));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        String classpath = options.get("server-classpath").isBlank() ? System.getProperty("java.class.path")
                : options.get("server-classpath") + ":" + System.getProperty("java.class.path");
        command.addAll(List.of("-cp", classpath, WritesServer.class.getName(), Files.createTempDirectory("bookhub-writes").toString()));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("port ")) {
                // the server's start-up lines
            }
            if (line == null) {
                throw new IllegalStateException("the embedded server exited before listening: " + command);
            }
            String uri = "mongodb://127.0.0.1:" + line.substring("port ".length()) + "/bookhub";
            Dba dba = new Dba(uri);
            StringBuilder report = new StringBuilder("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                    + " cores: the embedded server alone (JVM " + String.join(" ", jvm) + ", a data folder), " + books
                    + " books by insertMany of " + batch + ", then one updateMany over them, per round; times as mongosh measured them.\n\n"
                    + "| round | phase | mongosh s | µs per book | server CPU s | load before | load after |\n|---:|---|---:|---:|---:|---|---|\n");
            for (int round = 1; round <= rounds; round++) {
                Mongosh.eval(uri, BOOKS_AS_THE_API_CREATES_THEM);
                report.append(phase(round, "insertMany", books, server, () -> dba.insertBooks(books, batch)));
                report.append(phase(round, "updateMany", books, server, () -> dba.updateAllBooks(1)));
            }
            report.append("\nµs per book: mongosh's time over the books; server CPU: user + system time of the server's JVM over the "
                    + "phase (all its threads, the store's background writer too). Round 1 includes the JIT's warm-up.\n");
            System.out.println();
            System.out.println(report);
            Path file = home.resolve(options.get("out"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
            System.out.println("bench writes: written to " + file);
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static int positive(Map<String, String> options, String name) {
        try {
            int value = Integer.parseInt(options.get(name));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the same message below
        }
        System.err.println("bench writes: --" + name + " must be a positive whole number, not \"" + options.get(name) + "\"");
        System.exit(2);
        return 0;
    }

    private static String phase(int round, String name, int books, Process server, Supplier<Dba.Writes> writes) {
        String loadBefore = PipelineRun.load();
        long cpuBefore = ProcessCpu.ticks(server.pid());
        Dba.Writes done = writes.get();
        double cpuSeconds = (ProcessCpu.ticks(server.pid()) - cpuBefore) / ProcessCpu.CLOCK_TICKS_PER_SECOND;
        String row = String.format("| %d | %s | %.2f | %.0f | %.2f | %s | %s |%n", round, name, done.millis() / 1000.0,
                done.millis() * 1000.0 / books, cpuSeconds, loadBefore, PipelineRun.load());
        System.out.print("bench writes: " + row);
        return row;
    }
}
