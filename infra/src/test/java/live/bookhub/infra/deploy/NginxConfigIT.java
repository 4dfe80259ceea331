package live.bookhub.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** A syntax error, and an upstream host that would have to resolve at start (which Docker's DNS only answers in the stack). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "proxy_http_version 1.1;  | proxy_http_version 1.1   | invalid number of arguments in \"proxy_http_version\"",
            "http://$gateways:8081    | http://push-gateway:8081 | host not found in upstream"})
    void aBrokenCopyFailsIt(String original, String broken, String complaint) throws IOException {
        Path config = DeploymentFiles.brokenCopy(CONFIG, prefix, text -> text.replace(original, broken));

        Tool.Run run = nginxTest(config);

        assertThat(run.succeeded()).isFalse();
        assertThat(run.output()).contains(complaint).contains("test failed");
    }

    private Tool.Run nginxTest(Path config) throws IOException {
        Files.createDirectories(prefix.resolve("logs"));
        return Tool.required("nginx", "nginx").run(prefix, "-t", "-p", prefix.toString(), "-c", config.toString(),
                "-e", prefix.resolve("logs/error.log").toString());
    }
}
