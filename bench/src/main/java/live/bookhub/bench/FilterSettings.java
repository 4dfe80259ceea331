package live.bookhub.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The filtered-subscriptions step ({@link FilterBench}); each can be set as {@code --name=value}.
 *
 * @param clients clients of the step, filtered then plain ({@code --filter-clients}; 0: no filter step)
 * @param filters distinct filters the clients hold, as evenly as they divide ({@code --filters})
 * @param rate    events per second published to them ({@code --filter-rate})
 * @param plainRates events per second published to as many clients on plain {@code books}, each a stretch of its own
 *                ({@code --filter-plain-rates}): the filtered rate, and lower ones a gateway can sustain unfiltered
 * @param step    how long each of the two measured stretches publishes ({@code --filter-seconds})
 * @param only    run the filter step alone, nothing else of the bench ({@code --filters-only})
 */
record FilterSettings(int clients, int filters, int rate, List<Integer> plainRates, Duration step, boolean only) {

    static FilterSettings parse(Map<String, String> options) {
        return new FilterSettings(
                Integer.parseInt(options.getOrDefault("filter-clients", "10000")),
                Integer.parseInt(options.getOrDefault("filters", "1000")),
                Integer.parseInt(options.getOrDefault("filter-rate", "100")),
                Arrays.stream(options.getOrDefault("filter-plain-rates", "10,100").split(",")).map(String::trim).filter(rate -> !rate.isEmpty())
                        .map(Integer::parseInt).toList(),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("filter-seconds", "5"))),
                Boolean.parseBoolean(options.getOrDefault("filters-only", "false")));
    }
}
