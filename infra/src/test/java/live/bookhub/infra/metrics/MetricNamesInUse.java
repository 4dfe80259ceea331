package live.bookhub.infra.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import live.bookhub.events.EnvelopeCodec;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The metric names that the Grafana board's panels, the alert rules and the gateways' autoscaler read. */
final class MetricNamesInUse {

    private MetricNamesInUse() {
    }

    static Set<String> inDashboard(Path dashboard) {
        Set<String> names = new TreeSet<>();
        collectTargets(EnvelopeCodec.mapper().readTree(read(dashboard)).path("panels"), names);
        return names;
    }

    @SuppressWarnings("unchecked")
    static Set<String> inRules(Path rules) {
        Set<String> names = new TreeSet<>();
        Map<String, Object> file = new Yaml().load(read(rules));
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                names.addAll(PromQlNames.of(String.valueOf(rule.get("expr"))));
            }
        }
        return names;
    }

    /** The custom metrics the HorizontalPodAutoscalers of a manifest scale on. */
    @SuppressWarnings("unchecked")
    static Set<String> inAutoscalers(Path manifest) {
        Set<String> names = new TreeSet<>();
        for (Object document : new Yaml().loadAll(read(manifest))) {
            Map<String, Object> object = (Map<String, Object>) document;
            if (object != null && "HorizontalPodAutoscaler".equals(object.get("kind"))) {
                for (Map<String, Object> metric : (List<Map<String, Object>>) ((Map<String, Object>) object.get("spec")).get("metrics")) {
                    names.add(String.valueOf(((Map<String, Object>) ((Map<String, Object>) metric.get("pods")).get("metric")).get("name")));
                }
            }
        }
        return names;
    }

    /** Panels, and the panels of collapsed rows, each with its queries. */
    private static void collectTargets(JsonNode panels, Set<String> names) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                names.addAll(PromQlNames.of(target.path("expr").asString()));
            }
            collectTargets(panel.path("panels"), names);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
