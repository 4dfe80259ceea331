package live.bookhub.watcher.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LeadershipTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final Leadership leadership = new Leadership("replica-a", Duration.ofSeconds(4));

    @Test
    void aStandbyMayNotPublish() {
        assertThat(leadership.isLeading()).isFalse();
        assertThat(leadership.mayPublish(0)).isFalse();
        assertThatThrownBy(() -> leadership.epochForPublishing(0)).isInstanceOf(NotLeaderException.class)
                .hasMessageContaining("standby");
    }

    @Test
    void aLeaderPublishesWithItsEpochUntilItsWindowAfterTheRenewalStartedCloses() {
        leadership.lead(new Lease("replica-a", 7, NOW.plusSeconds(6)), 10 * SECOND, NOW);

        assertThat(leadership.epochForPublishing(10 * SECOND)).isEqualTo(7);
        assertThat(leadership.epochForPublishing(14 * SECOND - 1)).isEqualTo(7);
        assertThat(leadership.mayPublish(14 * SECOND)).isFalse();
        assertThatThrownBy(() -> leadership.epochForPublishing(14 * SECOND)).isInstanceOf(NotLeaderException.class)
                .hasMessageContaining("has not renewed its lease (epoch 7) for 4000 ms");
    }

    @Test
    void aRenewalInTheSameTermExtendsTheWindow() {
        leadership.lead(new Lease("replica-a", 7, NOW.plusSeconds(6)), 10 * SECOND, NOW);
        leadership.renewed(new Lease("replica-a", 7, NOW.plusSeconds(8)), 12 * SECOND, NOW.plusSeconds(2));

        assertThat(leadership.mayPublish(15 * SECOND)).isTrue();
        assertThat(leadership.mayPublish(16 * SECOND)).isFalse();
        assertThat(leadership.lastSeen()).contains(new Lease("replica-a", 7, NOW.plusSeconds(8)));
    }

    @Test
    void aLateAnswerToAnOlderRenewalDoesNotShortenTheWindow() {
        leadership.lead(new Lease("replica-a", 7, NOW.plusSeconds(6)), 12 * SECOND, NOW);
        leadership.renewed(new Lease("replica-a", 7, NOW.plusSeconds(6)), 10 * SECOND, NOW);

        assertThat(leadership.mayPublish(15 * SECOND)).isTrue();
    }

    @Test
    void aRenewalOfAnotherTermDoesNotExtendThisOne() {
        leadership.lead(new Lease("replica-a", 7, NOW.plusSeconds(6)), 10 * SECOND, NOW);
        leadership.renewed(new Lease("replica-a", 8, NOW.plusSeconds(8)), 12 * SECOND, NOW);

        assertThat(leadership.mayPublish(14 * SECOND)).isFalse();
    }

    @Test
    void steppingDownEndsPublishingAtOnce() {
        leadership.lead(new Lease("replica-a", 7, NOW.plusSeconds(6)), 10 * SECOND, NOW);
        leadership.standBy();

        assertThat(leadership.epoch()).isEmpty();
        assertThat(leadership.mayPublish(10 * SECOND)).isFalse();
    }
}
