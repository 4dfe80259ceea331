package live.bookhub.infra.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import live.bookhub.embedded.FreePorts;

/** The real redis_exporter (Debian's prometheus-redis-exporter) in front of a Redis, as compose runs it, on a free port. */
final class RedisExporter implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/prometheus-redis-exporter");

    private final Process process;
    private final int port;

    private RedisExporter(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Started and answering; the test is skipped, saying how to install it, where the exporter is missing. */
    static RedisExporter start(String redisUri, Path log) {
        assumeTrue(Files.isExecutable(BINARY), BINARY + " is missing: apt-get install prometheus-redis-exporter (.ci/run installs it)");
        int port = FreePorts.next();
        try {
            Process process = new ProcessBuilder(List.of(BINARY.toString(), "-redis.addr", redisUri,
                    "-web.listen-address", "127.0.0.1:" + port, "-check-single-streams", "bookhub:events"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            RedisExporter exporter = new RedisExporter(process, port);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> !Scrape.names(exporter.metricsUrl()).isEmpty());
            return exporter;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + BINARY, e);
        }
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + port + "/metrics";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
