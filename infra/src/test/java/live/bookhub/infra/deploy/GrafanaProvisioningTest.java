package live.bookhub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import live.bookhub.events.EnvelopeCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana files compose mounts: the board's panels all query the provisioned data source and
 * say their unit and thresholds; the dashboard provider reads the folder the board is mounted in.
 */
class GrafanaProvisioningTest {

    private static final Path GRAFANA = DeploymentFiles.docker().resolve("grafana");
    private static final Path BOARD = GRAFANA.resolve("dashboards/bookhub.json");

    @TempDir
    Path folder;

    @Test
    void everyPanelQueriesTheProvisionedDataSourceWithAUnitAndThresholds() throws IOException {
        assertThat(problems(BOARD)).isEmpty();
        assertThat(EnvelopeCodec.mapper().readTree(Files.readString(BOARD)).path("panels")).hasSizeGreaterThan(20);
    }

    @Test
    void aPanelWithoutUnitOrOnAnotherDataSourceIsCaught() throws IOException {
        Path broken = DeploymentFiles.brokenCopy(BOARD, folder, board -> board
                .replaceFirst("\"unit\": \"percentunit\"", "\"units\": \"percentunit\"")
                .replaceFirst("\"uid\": \"prometheus\"", "\"uid\": \"prom\""));

        assertThat(problems(broken)).anyMatch(problem -> problem.startsWith("Oplog headroom (fraction of the window): no unit"))
                .anyMatch(problem -> problem.endsWith("queries data source prom, not the provisioned prometheus"));
    }

    @Test
    void theProviderReadsTheFolderComposeMountsTheBoardIn() {
        Map<String, Object> compose = ComposeFile.read(DeploymentFiles.home().resolve("docker-compose.yml")).service("grafana");
        String mounted = ComposeFile.strings(compose.get("volumes")).stream().filter(volume -> volume.startsWith("./infra/docker/grafana/dashboards:"))
                .findFirst().orElseThrow().split(":")[1];

        assertThat(KubernetesManifests.path(provider(), "options", "path")).isEqualTo(mounted);
    }

    private static List<String> problems(Path board) throws IOException {
        String dataSource = String.valueOf(dataSource().get("uid"));
        List<String> problems = new ArrayList<>();
        for (JsonNode panel : EnvelopeCodec.mapper().readTree(Files.readString(board)).path("panels")) {
            if (panel.path("type").asString().equals("row")) {
                continue;
            }
            String title = panel.path("title").asString();
            JsonNode defaults = panel.path("fieldConfig").path("defaults");
            if (defaults.path("unit").asString().isEmpty()) {
                problems.add(title + ": no unit");
            }
            if (defaults.path("thresholds").path("steps").isEmpty()) {
                problems.add(title + ": no thresholds");
            }
            List<JsonNode> sources = new ArrayList<>(List.of(panel.path("datasource")));
            panel.path("targets").forEach(target -> sources.add(target.path("datasource")));
            sources.stream().map(source -> source.path("uid").asString()).filter(uid -> !uid.equals(dataSource)).findFirst()
                    .ifPresent(uid -> problems.add(title + ": queries data source " + uid + ", not the provisioned " + dataSource));
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataSource() {
        return ((List<Map<String, Object>>) load(GRAFANA.resolve("datasources.yml")).get("datasources")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> provider() {
        return ((List<Map<String, Object>>) load(GRAFANA.resolve("dashboards.yml")).get("providers")).get(0);
    }

    private static Map<String, Object> load(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
