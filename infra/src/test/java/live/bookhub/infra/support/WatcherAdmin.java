package live.bookhub.infra.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.ServiceProcess;
import tools.jackson.databind.JsonNode;

/** A change-watcher replica's admin port: its role in the lease, its metrics, its replay endpoint. */
public final class WatcherAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess watcher;

    public WatcherAdmin(ServiceProcess watcher) {
        this.watcher = watcher;
    }

    public ServiceProcess process() {
        return watcher;
    }

    /** Whether it answers and leads; false while it is down or stands by. */
    public boolean isLeader() {
        try {
            JsonNode health = EnvelopeCodec.mapper().readTree(get("/actuator/health").body());
            return health.path("components").path("leadership").path("details").path("role").asString().equals("leader");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The sum of a metric's samples in {@code /actuator/prometheus} whose lines contain all the given labels. */
    public double metric(String name, String... labels) {
        double sum = 0;
        for (String line : get("/actuator/prometheus").body().split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && List.of(labels).stream().allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(watcher.adminUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + watcher.name() + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
