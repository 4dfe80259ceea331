package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void jsonTurnsOnStructuredLoggingWithoutTheBanner() {
        assertThat(StackSettings.fromEnvironment(Map.of("BOOKHUB_LOG_FORMAT", "json")).serviceArgs())
                .containsExactly("--logging.structured.format.console=ecs", "--spring.main.banner-mode=off");
    }

    @Test
    void textIsTheDefaultAndChangesNothing() {
        assertThat(StackSettings.fromEnvironment(Map.of()).serviceArgs()).isEmpty();
        assertThat(StackSettings.fromEnvironment(Map.of("BOOKHUB_LOG_FORMAT", "TEXT")).serviceArgs()).isEmpty();
    }

    @Test
    void anythingElseStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(Map.of("BOOKHUB_LOG_FORMAT", "yaml")))
                .isInstanceOf(StackException.class).hasMessage("BOOKHUB_LOG_FORMAT must be text or json, not \"yaml\"");
    }
}
