package live.bookhub.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server as a child process: the one on PATH, else the Linux binary shipped inside
 * com.github.codemonstur:embedded-redis. Append-only persistence in {@code dataDir} when given.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final String BUNDLED_BINARY = "/redis-server-6.2.6-v5-linux-amd64";

    private final int port;
    private final Path dataDir;
    private Process process;

    private EmbeddedRedis(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * @param port    the port to listen on (use {@link FreePorts#next()} for tests)
     * @param dataDir where the append-only file lives, or {@code null} for no persistence
     */
    public static EmbeddedRedis start(int port, Path dataDir) {
        EmbeddedRedis redis = new EmbeddedRedis(port, dataDir);
        redis.start();
        return redis;
    }

    /** Starts the server again after {@link #stop()}, on the same port and data. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("Redis cannot listen on 127.0.0.1:" + port + ": the port is in use");
        }
        List<String> command = new ArrayList<>(List.of(binary().toString(),
                "--bind", "127.0.0.1", "--port", String.valueOf(port), "--save", "", "--daemonize", "no",
                "--loglevel", "warning"));
        if (dataDir != null) {
            createDirectories(dataDir);
            command.addAll(List.of("--dir", dataDir.toString(), "--appendonly", "yes"));
        } else {
            command.addAll(List.of("--appendonly", "no"));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server", e);
        }
        awaitPong(Duration.ofSeconds(15));
    }

    /** Stops the server at once, as a crash would (tests use it to take Redis away). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitPong(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start with code " + process.exitValue());
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(20); // polling a child process that has no readiness callback
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for redis-server", e);
            }
        }
        stop();
        throw new IllegalStateException("redis-server did not answer on port " + port + " within " + timeout);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return extractBundledBinary();
    }

    private static Path extractBundledBinary() {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "bookhub-redis-server-6.2.6");
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = EmbeddedRedis.class.getResourceAsStream(BUNDLED_BINARY)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on PATH and no bundled binary for this platform");
            }
            Path temp = Files.createTempFile("bookhub-redis", ".tmp");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            temp.toFile().setExecutable(true);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the bundled redis-server", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
