package live.bookhub.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import live.bookhub.infra.LocalStack;
import live.bookhub.infra.ServiceProcess;
import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric name that a panel of the Grafana board, an alert rule or the gateways' autoscaler
 * reads exists in what the running services (and redis_exporter, for Redis) expose, after a little
 * traffic: a renamed metric would leave a panel empty and an alert silent.
 */
@SystemTest
class MetricNamesIT {

    private static final Path HOME = Path.of(System.getProperty("bookhub.home", "..")).toAbsolutePath().normalize();
    private static final Path DASHBOARD = HOME.resolve("infra/docker/grafana/dashboards/bookhub.json");
    private static final Path RULES = HOME.resolve("infra/docker/alerts.yml");
    private static final Path GATEWAY_MANIFEST = HOME.resolve("infra/kubernetes/push-gateway.yaml");
    /** Made by Prometheus itself for each target, not by a service. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static Set<String> exposed;

    @BeforeAll
    static void scrapeAfterSomeTraffic(LocalStack stack) {
        Api admin = Api.admin(stack.api().baseUrl());
        String id = admin.createBook(Api.book(Api.unique("metrics"))).path("id").asString();
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books&lastEventId=0-0")) {
            admin.patchBook(id, Api.json().put("stock", 3));
            org.awaitility.Awaitility.await().until(() -> !client.eventsFor(id).isEmpty());
        }
        exposed = new TreeSet<>(Scrape.names(stack.api().adminUrl() + "/actuator/prometheus"));
        exposed.addAll(Scrape.names(stack.watcher().adminUrl() + "/actuator/prometheus"));
        for (ServiceProcess gateway : stack.gateways()) {
            exposed.addAll(Scrape.names(gateway.adminUrl() + "/actuator/prometheus"));
        }
    }

    @Test
    void everyServiceMetricOfTheBoardTheAlertsAndTheAutoscalerIsExposed() {
        Set<String> used = new TreeSet<>(MetricNamesInUse.inDashboard(DASHBOARD));
        used.addAll(MetricNamesInUse.inRules(RULES));
        used.addAll(MetricNamesInUse.inAutoscalers(GATEWAY_MANIFEST));
        used.removeIf(name -> name.startsWith("redis_"));

        assertThat(used).contains("bookhub_watcher_oplog_headroom_ratio", "bookhub_gateway_connections", "http_server_requests_seconds_bucket");
        assertThat(missing(used)).isEmpty();
    }

    @Test
    void everyRedisMetricOfTheBoardAndTheAlertsIsExposedByRedisExporter(LocalStack stack) {
        Set<String> used = new TreeSet<>(MetricNamesInUse.inDashboard(DASHBOARD));
        used.addAll(MetricNamesInUse.inRules(RULES));
        used.removeIf(name -> !name.startsWith("redis_"));

        try (RedisExporter exporter = RedisExporter.start(stack.redis().uri(),
                stack.settings().dataDir().resolve("logs").resolve("redis-exporter.log"))) {
            assertThat(used).contains("redis_stream_length", "redis_memory_used_bytes", "redis_up");
            assertThat(used).isSubsetOf(Scrape.names(exporter.metricsUrl()));
        }
    }

    @Test
    void aMisspeltNameIsFound() {
        assertThat(missing(PromQlNames.of("sum(bookhub_gateway_connection) + sum(bookhub_gateway_connections)")))
                .containsExactly("bookhub_gateway_connection");
    }

    private static Set<String> missing(Set<String> used) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exposed);
        missing.removeAll(PROMETHEUS_OWN);
        return missing;
    }
}
