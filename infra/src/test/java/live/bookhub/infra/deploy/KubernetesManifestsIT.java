package live.bookhub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes manifests, parsed and checked against the jars as docker-compose.yml is. */
class KubernetesManifestsIT {

    private static final Path KUSTOMIZATION = DeploymentFiles.kubernetes().resolve("kustomization.yaml");
    private static KubernetesWiring wiring;

    @TempDir
    Path folder;

    @BeforeAll
    static void readJars() {
        wiring = new KubernetesWiring(new WiringRules(DeploymentFiles.jars()));
    }

    @Test
    void theManifestsAreWiredToTheJars() {
        assertThat(wiring.problems(KUSTOMIZATION)).isEmpty();
    }

    @Test
    void everyServiceIsDeployed() {
        assertThat(KubernetesManifests.read(KUSTOMIZATION).services()).extracting(ServiceSpec::module)
                .containsExactlyInAnyOrder("api", "change-watcher", "push-gateway");
    }

    @Test
    void aBrokenCopyIsCaught() throws IOException {
        try (Stream<Path> files = Files.list(DeploymentFiles.kubernetes())) {
            files.filter(file -> !file.getFileName().toString().equals("push-gateway.yaml")).forEach(file -> DeploymentFiles.copy(file, folder));
        }
        DeploymentFiles.brokenCopy(DeploymentFiles.kubernetes().resolve("push-gateway.yaml"), folder, manifest -> manifest
                .replace("httpGet: {path: /actuator/health/readiness, port: admin}\n            periodSeconds: 5",
                        "httpGet: {path: /actuator/health/readiness, port: clients}\n            periodSeconds: 5")
                .replace("terminationGracePeriodSeconds: 30", "terminationGracePeriodSeconds: 15")
                .replace("metric: {name: bookhub_gateway_connections}", "metric: {name: bookhub_gateway_connection}")
                .replace("- {name: clients, port: 8081, targetPort: clients}", "- {name: clients, port: 8081, targetPort: admin}"));

        List<String> problems = wiring.problems(folder.resolve("kustomization.yaml"));

        assertThat(problems).anyMatch(problem -> problem.startsWith("push-gateway: health check calls port 8081"))
                .anyMatch(problem -> problem.startsWith("push-gateway: given PT15S to stop, but a drain needs PT5S pre-stop"))
                .anyMatch(problem -> problem.contains("does not scale on bookhub_gateway_connections"))
                .anyMatch(problem -> problem.startsWith("Service push-gateway: targets port 9081"));
    }
}
