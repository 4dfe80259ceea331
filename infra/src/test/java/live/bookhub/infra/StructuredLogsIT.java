package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import live.bookhub.embedded.FreePorts;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * BOOKHUB_LOG_FORMAT=json: a push-gateway started with the arguments the switch gives writes nothing
 * but JSON lines, and a line about a client carries its ids as fields of their own.
 */
@SystemTest
class StructuredLogsIT {

    @Test
    void aGatewayLogsJsonLinesWithTheIdsOfTheClientConcerned(LocalStack stack) throws IOException {
        int clientPort = FreePorts.next();
        int adminPort = FreePorts.next();
        List<String> args = new ArrayList<>(List.of("--bookhub.gateway.port=" + clientPort, "--server.port=" + adminPort,
                "--spring.data.redis.url=" + stack.redis().uri(), "--bookhub.gateway.name=json-gateway",
                "--logging.structured.ecs.service.node-name=json-gateway"));
        args.addAll(LogFormat.fromEnvironment(Map.of("BOOKHUB_LOG_FORMAT", "json")).serviceArgs());
        try (ServiceProcess gateway = new ServiceProcess("json-gateway", clientPort, adminPort,
                stack.settings().javaCommand("push-gateway", args),
                stack.settings().dataDir().resolve("logs").resolve("json-gateway.log"))) {
            gateway.start().awaitHealthy(Duration.ofSeconds(90));

            try (LiveClient client = LiveClient.connect(clientPort, "topics=books&lastEventId=not-an-id")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> json(gateway).stream().anyMatch(line -> line.has("lastEventId")));
            }

            List<JsonNode> lines = json(gateway);
            assertThat(lines).hasSize(logLines(gateway).size());
            JsonNode resumeRefused = lines.stream().filter(line -> line.has("lastEventId")).findFirst().orElseThrow();
            assertThat(resumeRefused.path("lastEventId").asString()).isEqualTo("not-an-id");
            assertThat(resumeRefused.path("connectionId").asString()).isNotBlank();
            assertThat(resumeRefused.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(resumeRefused.path("service").path("name").asString()).isEqualTo("push-gateway");
            assertThat(resumeRefused.path("service").path("node").path("name").asString()).isEqualTo("json-gateway");
            assertThat(resumeRefused.path("message").asString()).contains("cannot resume after not-an-id");
        }
    }

    private static List<String> logLines(ServiceProcess gateway) throws IOException {
        return Files.readAllLines(gateway.logFile()).stream().filter(line -> !line.isBlank()).toList();
    }

    /** Every line parsed as JSON; one that is not fails the test. */
    private static List<JsonNode> json(ServiceProcess gateway) throws IOException {
        return logLines(gateway).stream().map(line -> EnvelopeCodec.mapper().readTree(line)).toList();
    }
}
