package live.bookhub.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its jar unpacked, with a class-data archive (CDS) of its start: the JDK's own
 * jar loading instead of Spring Boot's nested jars, and its classes mapped already parsed and verified.
 * A change-watcher then starts on about 40 % less CPU (bench/README.md, "Start-up"), which on a small
 * machine is CPU the other services starting beside it, or a catch-up, are waiting for.
 *
 * <p>Both are made once per build, in {@code <module>/target/fast-start/}, and again whenever the jar
 * differs from the one they were made from. The archive records the start of a run that exits once its
 * context is refreshed ({@code spring.context.exit=onRefresh}): beans built, nothing started, no port
 * bound. Whatever fails here costs only speed: the service then starts from its jar as before.
 */
final class FastStart {

    private static final long EXTRACT_MINUTES = 3;
    private static final long TRAINING_MINUTES = 5;

    private final String module;
    private final Path jar;
    private final Path dir;

    FastStart(String module, Path jar) {
        this.module = module;
        this.jar = jar;
        this.dir = jar.resolveSibling("fast-start");
    }

    /** How to launch the service: the unpacked jar with its archive when they were made from this jar, else the jar. */
    List<String> launch() {
        if (!isMadeFromJar()) {
            return List.of("-jar", jar.toString());
        }
        // -Xshare:auto (the default): an archive the JVM cannot use (another JDK, say) is skipped, not fatal.
        return List.of("-XX:SharedArchiveFile=" + archive(), "-jar", unpackedJar().toString());
    }

    /**
     * Unpacks the jar and records the archive, unless they were made from this jar already. {@code java}
     * is the command that starts the service (the JVM, its options, and after them the service's arguments
     * in {@code args}). Runs under a file lock, so stacks starting side by side make them once.
     *
     * @return whether it made them now
     */
    boolean prepare(List<String> java, List<String> args) {
        try (FileChannel lockFile = FileChannel.open(jar.resolveSibling("fast-start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            if (isMadeFromJar()) {
                return false;
            }
            Folders.empty(dir);
            run(List.of(java.get(0), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", unpackedJar().getParent().toString()),
                    EXTRACT_MINUTES, "extract");
            // The archive names the class path it was made with: it is made where the service will run from.
            List<String> training = new ArrayList<>(java);
            training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive(), "-Dspring.context.exit=onRefresh", "-jar", unpackedJar().toString()));
            training.addAll(args);
            run(training, TRAINING_MINUTES, "training");
            if (!Files.isRegularFile(archive())) {
                throw new IOException("the training run wrote no archive; see " + dir.resolve("training.log"));
            }
            Files.writeString(stamp(), jarIdentity());
            return true;
        } catch (IOException e) {
            System.err.println("bookhub: " + module + " starts from its jar, without a quick-start archive: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean isMadeFromJar() {
        try {
            return Files.isRegularFile(stamp()) && Files.readString(stamp()).equals(jarIdentity())
                    && Files.isRegularFile(archive()) && Files.isRegularFile(unpackedJar());
        } catch (IOException e) {
            return false;
        }
    }

    private String jarIdentity() throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private void run(List<String> command, long minutes, String step) throws IOException, InterruptedException {
        Path log = dir.resolve(step + ".log");
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IOException(step + " took over " + minutes + " minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(step + " exited with " + process.exitValue() + "; see " + log);
        }
    }

    /** Spring Boot's extract wants a folder of its own: the logs and the archive are beside it. */
    private Path unpackedJar() {
        return dir.resolve("unpacked").resolve(jar.getFileName());
    }

    private Path archive() {
        return dir.resolve(module + ".jsa");
    }

    private Path stamp() {
        return dir.resolve("made-from");
    }
}
