package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A restarted stream reads again from its checkpoint, so the events derived from the last change
 * appended (its alert) are appended if a crash came between; after a derived event, from its change.
 */
class ResumeTokensTest {

    @Test
    void aRestartReadsAgainFromTheCheckpointWhenTheLastAppendWasAChange() {
        assertThat(ResumeTokens.startAfter(Optional.of("82a0"), Optional.of("82b0"))).contains("82a0");
        assertThat(ResumeTokens.startAfter(Optional.of("82c0"), Optional.of("82b0"))).contains("82c0");
        assertThat(ResumeTokens.startAfter(Optional.empty(), Optional.of("82b0"))).contains("82b0");
        assertThat(ResumeTokens.startAfter(Optional.of("82a0"), Optional.empty())).contains("82a0");
        assertThat(ResumeTokens.startAfter(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void afterADerivedEventTheStreamGoesOnAfterItsChange() {
        assertThat(ResumeTokens.startAfter(Optional.of("82a0"), Optional.of("82b0!low-stock"))).contains("82b0");
        assertThat(ResumeTokens.startAfter(Optional.empty(), Optional.of("82b0!low-stock"))).contains("82b0");
        assertThat(ResumeTokens.startAfter(Optional.of("82c0"), Optional.of("82b0!low-stock"))).contains("82c0");
    }
}
