package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import live.bookhub.embedded.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackPortsTest {

    @TempDir
    Path dataDir;

    @Test
    void aPortInUseStopsTheStartNamingThePortAndTheVariableBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackSettings settings = new StackSettings(Path.of("."), dataDir, taken.getLocalPort(), List.of(FreePorts.next()),
                    List.of(FreePorts.next()), FreePorts.next(), FreePorts.next(), FreePorts.next(), List.of(), List.of());

            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(StackException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is in use: stop what holds it, or set BOOKHUB_API_PORT to a free port");
        }
        assertThat(dataDir.resolve("mongo")).doesNotExist();
    }

    @Test
    void aGatewayAdminPortInUseNamesItsVariable() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackSettings settings = new StackSettings(Path.of("."), dataDir, FreePorts.next(), List.of(FreePorts.next()),
                    List.of(taken.getLocalPort()), FreePorts.next(), FreePorts.next(), FreePorts.next(), List.of(), List.of());

            assertThatThrownBy(() -> LocalStack.start(settings))
                    .isInstanceOf(StackException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is in use: stop what holds it, or set BOOKHUB_GATEWAY_ADMIN_PORTS to a free port");
        }
        assertThat(dataDir.resolve("mongo")).doesNotExist();
    }

    @Test
    void aPortSetTwiceStopsTheStartNamingBothSettings() {
        int twice = FreePorts.next();
        StackSettings settings = new StackSettings(Path.of("."), dataDir, FreePorts.next(), List.of(twice),
                List.of(twice), FreePorts.next(), FreePorts.next(), FreePorts.next(), List.of(), List.of());

        assertThatThrownBy(() -> LocalStack.start(settings))
                .isInstanceOf(StackException.class)
                .hasMessage("port " + twice + " is set twice, by BOOKHUB_GATEWAY_PORTS (gateway 1) and by "
                        + "BOOKHUB_GATEWAY_ADMIN_PORTS (gateway 1): give each its own port");
        assertThat(dataDir.resolve("mongo")).doesNotExist();
    }

    @Test
    void readsPortsFromTheEnvironmentWithTheDocumentedDefaults() {
        StackSettings defaults = StackSettings.fromEnvironment(Map.of());
        assertThat(List.of(defaults.apiPort(), defaults.watcherPort(), defaults.mongoPort(), defaults.redisPort()))
                .containsExactly(8080, 8090, 27017, 6379);
        assertThat(defaults.gatewayPorts()).containsExactly(8081, 8082);
        assertThat(defaults.gatewayAdminPorts()).containsExactly(9081, 9082);
        assertThat(defaults.sampleCatalog()).isTrue();

        StackSettings custom = StackSettings.fromEnvironment(Map.of(
                "BOOKHUB_GATEWAY_PORTS", "9001, 9002,9003", "BOOKHUB_GATEWAY_ADMIN_PORTS", "9101,9102, 9103"));
        assertThat(custom.gatewayPorts()).containsExactly(9001, 9002, 9003);
        assertThat(custom.gatewayAdminPorts()).containsExactly(9101, 9102, 9103);
    }

    @Test
    void gatewayAdminPortsMustListOnePortPerGateway() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("BOOKHUB_GATEWAY_PORTS", "9001,9002,9003")))
                .isInstanceOf(StackException.class)
                .hasMessage("BOOKHUB_GATEWAY_ADMIN_PORTS lists 2 port(s) but BOOKHUB_GATEWAY_PORTS lists 3: give each push-gateway one admin port");
    }

    @Test
    void aPortThatIsNoNumberIsRefusedWithItsVariable() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("BOOKHUB_REDIS_PORT", "63x9")))
                .isInstanceOf(StackException.class)
                .hasMessage("BOOKHUB_REDIS_PORT must be a port number from 1 to 65535, not \"63x9\"");
    }
}
