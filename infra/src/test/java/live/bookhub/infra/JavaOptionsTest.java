package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JavaOptionsTest {

    @Test
    void theApiStartsOnC1AloneWhileTheServicesThatCarryEventsGetC2() {
        StackSettings defaults = StackSettings.fromEnvironment(Map.of());

        assertThat(defaults.javaOptions("api")).contains("-XX:TieredStopAtLevel=1");
        assertThat(defaults.javaOptions("change-watcher")).doesNotContain("-XX:TieredStopAtLevel=1").contains("-Xmx512m");
        assertThat(defaults.javaOptions("push-gateway")).isEqualTo(defaults.javaOptions("change-watcher"));
        assertThat(defaults.javaCommand("push-gateway", List.of("--x=1")))
                .containsSubsequence("-XX:+UseSerialGC", "-Xmx512m", "-jar", "--x=1")
                .doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void bookhubJavaOptsIsEveryServicesWhenSet() {
        StackSettings set = StackSettings.fromEnvironment(Map.of("BOOKHUB_JAVA_OPTS", " -Xmx1g  -XX:+UseParallelGC "));

        for (String module : new String[] {"api", "change-watcher", "push-gateway"}) {
            assertThat(set.javaOptions(module)).containsExactly("-Xmx1g", "-XX:+UseParallelGC");
        }
        assertThat(StackSettings.fromEnvironment(Map.of("BOOKHUB_JAVA_OPTS", "  ")).javaOptions("api")).contains("-XX:TieredStopAtLevel=1");
    }
}
