package live.bookhub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml, which no Docker engine here can run, checked against the jars it runs: every
 * setting is a property of its jar, ports and health checks are those the jars serve on, nginx and
 * Prometheus reach the services where they listen, gateways have the time to drain.
 */
class ComposeWiringIT {

    private static final Path COMPOSE = DeploymentFiles.home().resolve("docker-compose.yml");
    private static ComposeWiring wiring;

    @TempDir
    Path folder;

    @BeforeAll
    static void readJars() {
        wiring = new ComposeWiring(new WiringRules(DeploymentFiles.jars()), DeploymentFiles.home());
    }

    @Test
    void theComposeFileIsWiredToTheJars() {
        assertThat(wiring.problems(COMPOSE)).isEmpty();
    }

    @Test
    void everyJavaServiceIsChecked() {
        assertThat(ComposeFile.read(COMPOSE).javaServices()).extracting(ServiceSpec::name)
                .containsExactlyInAnyOrder("api", "change-watcher", "push-gateway");
    }

    @Test
    void aBrokenCopyIsCaught() {
        Path broken = DeploymentFiles.brokenCopy(COMPOSE, folder, compose -> compose
                .replace("/dev/tcp/127.0.0.1/9081", "/dev/tcp/127.0.0.1/8081")
                .replace("SPRING_DATA_REDIS_URL: redis", "SPRING_REDIS_URL: redis")
                .replace("stop_grace_period: 30s", "stop_grace_period: 10s")
                .replace("\"--bookhub.gateway.port=8081\"", "\"--bookhub.gateway.port=8083\""));

        List<String> problems = wiring.problems(broken);

        assertThat(problems).anyMatch(problem -> problem.startsWith("push-gateway: health check calls port 8081"))
                .anyMatch(problem -> problem.contains("SPRING_REDIS_URL is no property of change-watcher.jar"))
                .anyMatch(problem -> problem.startsWith("push-gateway: given PT10S to stop"))
                .anyMatch(problem -> problem.startsWith("gateway-lb: nginx forwards to push-gateway:8081"));
    }
}
