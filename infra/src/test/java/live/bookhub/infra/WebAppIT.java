package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The web app's end-to-end suite (web/e2e, Playwright in the machine's Chromium) against this run's
 * stack: two browsers, the real mongosh, a gateway killed under a connected page. Fails with the
 * suite's output.
 */
@SystemTest
class WebAppIT {

    private static final Duration SUITE_BOUND = Duration.ofMinutes(6);

    private final LocalStack stack;

    WebAppIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void theWebAppPassesItsEndToEndSuiteInChromium() throws Exception {
        Api.admin(stack.api().baseUrl());
        Path web = Path.of(System.getProperty("bookhub.home", "..")).toAbsolutePath().normalize().resolve("web");
        Path log = web.resolve("target/e2e.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder suite = new ProcessBuilder(List.of("npm", "run", "e2e")).directory(web.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        suite.environment().putAll(Map.of(
                "BOOKHUB_WEB_URL", stack.api().baseUrl(),
                "BOOKHUB_ADMIN_USERNAME", Api.ADMIN_USERNAME,
                "BOOKHUB_ADMIN_PASSWORD", Api.ADMIN_PASSWORD,
                "BOOKHUB_MONGO_URI", stack.mongoUri(),
                "BOOKHUB_MONGOSH", Mongosh.binary().toString(),
                "BOOKHUB_GATEWAY_PIDS", stack.gateways().stream()
                        .map(gateway -> gateway.name() + "=" + gateway.pid()).collect(Collectors.joining(","))));
        Process process = suite.start();
        try {
            boolean ended = process.waitFor(SUITE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            assertThat(ended).as("the suite ended within %s; its output:%n%s", SUITE_BOUND, output(log)).isTrue();
            assertThat(process.exitValue()).as("the suite's exit code; its output:%n%s", output(log)).isZero();
        } finally {
            restartKilledGateways();
        }
    }

    /** The suite kills a gateway (SIGKILL, as a crash would): bring it back for the tests that follow. */
    private void restartKilledGateways() {
        List<ServiceProcess> killed = stack.gateways().stream().filter(gateway -> !gateway.isAlive()).toList();
        killed.forEach(ServiceProcess::start);
        killed.forEach(gateway -> gateway.awaitHealthy(Duration.ofSeconds(120)));
    }

    private static String output(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
