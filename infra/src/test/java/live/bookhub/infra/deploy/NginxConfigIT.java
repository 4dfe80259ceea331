package live.bookhub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nginx -t} on the load balancer's real configuration, in a prefix of its own. The gateways'
 * host name resolves through Docker's DNS only when a request comes ({@code set $gateways} with a
 * {@code resolver}, so that scaled replicas are found), so the check needs no such host here, and a
 * literal {@code proxy_pass http://push-gateway:8081} would fail it, as it would fail nginx's start.
 */
class NginxConfigIT {

    private static final Path CONFIG = DeploymentFiles.docker().resolve("nginx.conf");

    @TempDir
    Path prefix;

    @Test
    void theRealConfigurationPassesNginxTest() throws IOException {
        DeploymentFiles.copy(CONFIG, prefix);

        Tool.Run run = nginxTest(prefix.resolve("nginx.conf"));

        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.output()).contains("test is successful");
    }

    @Test
    void aBrokenCopyFailsIt() throws IOException {
        Path broken = DeploymentFiles.brokenCopy(CONFIG, prefix, config -> config.replace("proxy_http_version 1.1;", "proxy_http_version 1.1"));

        Tool.Run run = nginxTest(broken);

        assertThat(run.succeeded()).isFalse();
        assertThat(run.output()).contains("test failed");
    }

    @Test
    void anUpstreamResolvedAtStartFailsItHere() throws IOException {
        Path literal = DeploymentFiles.brokenCopy(CONFIG, prefix, config -> config.replace("http://$gateways:8081", "http://push-gateway:8081"));

        Tool.Run run = nginxTest(literal);

        assertThat(run.succeeded()).isFalse();
        assertThat(run.output()).contains("host not found in upstream");
    }

    private Tool.Run nginxTest(Path config) throws IOException {
        Files.createDirectories(prefix.resolve("logs"));
        return Tool.required("nginx", "nginx").run(prefix, "-t", "-p", prefix.toString(), "-c", config.toString(),
                "-e", prefix.resolve("logs/error.log").toString());
    }
}
