package live.bookhub.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service of the stack as a child process (a Spring Boot jar), with its output in a log file.
 * Tests stop, kill and start them again to play out failures.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final int adminPort;
    private final List<String> command;
    private final Path logFile;
    private Process process;

    /** A service whose clients and operators share one port (api, change-watcher). */
    ServiceProcess(String name, int port, List<String> command, Path logFile) {
        this(name, port, port, command, logFile);
    }

    /** A service with an admin port of its own for health and metrics (push-gateway). */
    ServiceProcess(String name, int port, int adminPort, List<String> command, Path logFile) {
        this.name = name;
        this.port = port;
        this.adminPort = adminPort;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    /** The port clients use: the api's REST, a gateway's {@code /ws} and {@code /sse}. */
    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where {@code /actuator/health} and {@code /actuator/prometheus} are: {@link #baseUrl()} unless it has an admin port of its own. */
    public String adminUrl() {
        return "http://127.0.0.1:" + adminPort;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized ServiceProcess start() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(logFile.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process.pid();
    }

    /**
     * Waits until the service is ready ({@code /actuator/health/readiness} on the admin port answers UP):
     * a watcher leads with its change streams open or stands by, a gateway's Redis subscription is
     * active. Fails naming the log when the process dies.
     */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(adminUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + logFile);
            }
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pollPause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    /** SIGTERM without waiting, so that several services stop side by side. */
    public synchronized void stopAsync() {
        if (process != null) {
            process.destroy();
        }
    }

    /** SIGTERM, then SIGKILL if it has not ended within the grace period. */
    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        await(grace);
        if (process.isAlive()) {
            kill();
        }
        process = null;
    }

    /** SIGSTOP: the process stands still, as in a long GC pause or a frozen VM, until {@link #resume()}. */
    public synchronized void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}: the process goes on as if no time had passed, from where it stood. */
    public synchronized void resume() {
        signal("CONT");
    }

    /** SIGKILL: the process gets no chance to clean up. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        await(Duration.ofSeconds(10));
        process = null;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private void signal(String name) {
        if (process == null) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void await(Duration timeout) {
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pollPause() {
        try {
            Thread.sleep(100); // polling a child process that has no readiness callback
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
