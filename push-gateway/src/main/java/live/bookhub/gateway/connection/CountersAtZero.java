package live.bookhub.gateway.connection;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Registers at start, at zero, the counters that are otherwise created by their first increment
 * (refusals and resumes, one per tag value): a series that appears at 1 has no earlier sample, so
 * Prometheus's {@code rate()} and {@code increase()} miss that first event, and dashboards and alerts
 * find no series to show before it.
 */
@Component
class CountersAtZero {

    CountersAtZero(MeterRegistry meters) {
        for (Refusal refusal : List.of(Refusal.DRAINING, Refusal.GATEWAY_FULL, Refusal.USER_LIMIT)) {
            Counter.builder("bookhub.gateway.refusals").description("Connections turned away at open, by reason")
                    .tag("reason", refusal.reason()).register(meters);
        }
        for (String outcome : List.of("replay", "reset")) {
            Counter.builder("bookhub.gateway.resumes")
                    .description("Clients that connected with a lastEventId: replayed from the stream, or told to reset")
                    .tag("outcome", outcome).register(meters);
        }
    }
}
