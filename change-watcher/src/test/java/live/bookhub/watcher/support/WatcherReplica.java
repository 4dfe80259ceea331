package live.bookhub.watcher.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.watcher.WatcherApplication;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One change-watcher replica, the whole Spring application in this JVM on a free port, with short
 * lease and checkpoint timings so that tests of failover run in seconds.
 */
public final class WatcherReplica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final int port;

    private WatcherReplica(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Starts a replica named {@code name}; {@code extra} are further {@code --property=value} arguments. */
    public static WatcherReplica start(Backends backends, String name, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.mongodb.uri=" + backends.mongoUri(),
                "--spring.data.redis.url=" + backends.redisUri(),
                "--bookhub.watcher.replica-name=" + name,
                "--bookhub.watcher.lease-ttl=2s",
                "--bookhub.watcher.lease-renew-interval=500ms",
                "--bookhub.watcher.max-await-time=200ms",
                "--bookhub.watcher.checkpoint-interval=200ms",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return new WatcherReplica(new SpringApplicationBuilder(WatcherApplication.class).run(args.toArray(String[]::new)));
    }

    /**
     * Waits until this replica leads and is ready, its change streams open: from then on every write is
     * seen, even by a watcher that started from now.
     */
    public WatcherReplica awaitStreaming() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> isLeader() && isReady());
        return this;
    }

    /** Whether {@code /actuator/health/readiness} answers UP. */
    public boolean isReady() {
        return get("/actuator/health/readiness").statusCode() == 200;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code leadership} component of {@code /actuator/health}. */
    public JsonNode leadership() {
        return EnvelopeCodec.mapper().readTree(get("/actuator/health").body()).path("components").path("leadership");
    }

    public boolean isLeader() {
        return leadership().path("details").path("role").asString().equals("leader");
    }

    /** A value of {@code /actuator/prometheus}: the sum over the lines of that metric with all the given labels. */
    public double metric(String name, String... labels) {
        double sum = 0;
        for (String line : get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                if (List.of(labels).stream().allMatch(line::contains)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
