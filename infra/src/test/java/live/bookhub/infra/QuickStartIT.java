package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;

/** The stack's services start as {@code ./bookhub start} starts them: unpacked, with their class-data archives in use. */
@SystemTest
class QuickStartIT {

    private final LocalStack stack;

    QuickStartIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void everyServiceRunsFromItsUnpackedJarWithItsClassDataArchiveMapped() throws IOException {
        Map<ServiceProcess, String> modules = new LinkedHashMap<>();
        modules.put(stack.api(), "api");
        modules.put(stack.watcher(), "change-watcher");
        stack.gateways().forEach(gateway -> modules.put(gateway, "push-gateway"));

        for (Map.Entry<ServiceProcess, String> service : modules.entrySet()) {
            Path proc = Path.of("/proc", String.valueOf(service.getKey().pid()));
            String commandLine = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
            String module = service.getValue();
            assertThat(commandLine).as(service.getKey().name())
                    .contains("/" + module + "/target/fast-start/unpacked/" + module + ".jar");
            // The JVM maps an archive it can use; one it cannot (another JDK's) it skips, and the map shows it.
            assertThat(Files.readString(proc.resolve("maps"))).as(service.getKey().name())
                    .contains("/" + module + "/target/fast-start/" + module + ".jsa");
        }
    }
}
