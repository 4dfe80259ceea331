package live.bookhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import live.bookhub.embedded.FreePorts;

/** A server under test as a child process on 127.0.0.1, with its output in a log file. */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();

    private final int port;
    private final int adminPort;
    private final String readinessPath;
    private final Process process;

    private ServerProcess(List<String> command, int port, int adminPort, String readinessPath, Path log) {
        this.port = port;
        this.adminPort = adminPort;
        this.readinessPath = readinessPath;
        try {
            Files.createDirectories(log.getParent());
            this.process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A push-gateway: clients on {@code port}, readiness on a free admin port. */
    static ServerProcess gateway(Path jar, int port, String redisUri, List<String> jvmOptions, List<String> args, Path log) {
        int adminPort = FreePorts.next();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--bookhub.gateway.port=" + port, "--server.port=" + adminPort, "--spring.data.redis.url=" + redisUri, "--bookhub.gateway.name=bench-" + port,
                "--logging.level.root=WARN"));
        command.addAll(args);
        // readiness, not health: UP only once the clients' port is bound and the Redis subscription active
        return new ServerProcess(command, port, adminPort, "/actuator/health/readiness", log);
    }

    static ServerProcess socketIo(Path home, int port, String redisUri, Path log) {
        return new ServerProcess(List.of("node", home.resolve("bench/socketio/server.js").toString(), String.valueOf(port), redisUri),
                port, port, "/socket.io/?EIO=4&transport=polling", log);
    }

    /** The bare Netty fan-out ({@link BareFanout}), from the bench's own jar, with the gateway's JVM options. */
    static ServerProcess bareNetty(Path home, int port, String redisUri, String io, List<String> jvmOptions, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dloader.main=" + BareFanout.class.getName(), "-cp", home.resolve("bench/target/bench.jar").toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", String.valueOf(port), redisUri, io));
        return new ServerProcess(command, port, port, "/health", log);
    }

    /** The bare Node fan-out: {@code bench/bare-ws/server.js}. */
    static ServerProcess bareWs(Path home, int port, String redisUri, Path log) {
        return new ServerProcess(List.of("node", home.resolve("bench/bare-ws/server.js").toString(), String.valueOf(port), redisUri),
                port, port, "/health", log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + readinessPath)).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server on port " + port + " exited during start");
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200); // polling a child process that has no readiness callback
        }
        throw new IllegalStateException("the server on port " + port + " was not ready within " + timeout);
    }

    /** The value of a push-gateway's Prometheus sample, e.g. {@code bookhub_gateway_stream_reads_total{read="page"}}: its labels as written there. */
    double metric(String name, String label) throws IOException, InterruptedException {
        HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build();
        for (String line : HTTP.send(scrape, HttpResponse.BodyHandlers.ofString()).body().split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
