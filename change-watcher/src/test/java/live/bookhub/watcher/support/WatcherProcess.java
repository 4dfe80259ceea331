package live.bookhub.watcher.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The watcher's jar as a process of its own, as it runs in production: for what ends the process
 * (its exit code and last words), which an in-JVM replica cannot show.
 */
public final class WatcherProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private WatcherProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code target/change-watcher.jar} (built by {@code package}, before the integration tests run). */
    public static WatcherProcess start(String... args) {
        Path jar = Path.of("target", "change-watcher.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the integration tests with mvn verify");
        }
        try {
            Path output = Files.createTempFile("watcher-process", ".log");
            List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                    "-jar", jar.toString(), "--spring.main.banner-mode=off"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new WatcherProcess(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code, once it ended within {@code timeout}; fails otherwise. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the watcher still runs after " + timeout + "; it printed:\n" + output());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(output);
    }
}
