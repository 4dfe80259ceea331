package live.bookhub.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

    @Test
    void functionsGroupingsMatchersAndRangesAreNotMetrics() {
        assertThat(PromQlNames.of("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket{job=\"api\",uri!~\"/actuator.*\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void bothSidesOfABinaryOperationAreRead() {
        assertThat(PromQlNames.of("sum(rate(a_total{status=~\"5..\"}[5m])) / sum(rate(b_total[5m])) > 0.05 and on (instance) up == 1"))
                .containsExactly("a_total", "b_total", "up");
    }

    @Test
    void vectorLiteralsAndKeywordsAreNotMetrics() {
        assertThat(PromQlNames.of("(sum(bookhub_watcher_leader) or vector(0)) < 1")).containsExactly("bookhub_watcher_leader");
        assertThat(PromQlNames.of("min by (collection) (x_ratio) < 0.25 unless y offset 5m")).containsExactly("x_ratio", "y");
    }
}
