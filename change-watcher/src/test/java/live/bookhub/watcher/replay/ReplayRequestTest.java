package live.bookhub.watcher.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import live.bookhub.watcher.replay.ReplayException.Reason;
import org.junit.jupiter.api.Test;

class ReplayRequestTest {

    private static final String T1 = "0000000100000001ABCDEF01";
    private static final String T2 = "0000000100000002ABCDEF01";
    private static final String T3 = "0000000100000003ABCDEF01";

    @Test
    void aTokenAloneReplaysEverythingAfterIt() {
        ReplayRequest request = ReplayRequest.of(T1.toLowerCase(), null, false);

        assertThat(request.after()).isEqualTo(T1);
        assertThat(request.includes(T3, Instant.MAX)).isTrue();
        assertThat(request.endsAt(T3)).isFalse();
    }

    @Test
    void untilATokenIncludesItAndEndsThere() {
        ReplayRequest request = ReplayRequest.of(T1, T2, false);

        assertThat(request.includes(T2, Instant.EPOCH)).isTrue();
        assertThat(request.endsAt(T2)).isTrue();
        assertThat(request.includes(T3, Instant.EPOCH)).isFalse();
    }

    @Test
    void untilAnInstantIncludesChangesAtOrBeforeIt() {
        ReplayRequest request = ReplayRequest.of(T1, "2026-11-22T10:00:00Z", true);
        Instant until = Instant.parse("2026-11-22T10:00:00Z");

        assertThat(request.follow()).isTrue();
        assertThat(request.includes(T2, until)).isTrue();
        assertThat(request.includes(T2, until.plusMillis(1))).isFalse();
        assertThat(request.isOver(until.plusMillis(1))).isTrue();
        assertThat(request.isOver(until)).isFalse();
    }

    @Test
    void aMissingTokenIsABadArgument() {
        assertThatThrownBy(() -> ReplayRequest.of(null, null, false))
                .isInstanceOfSatisfying(ReplayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_ARGUMENT));
    }

    @Test
    void aTokenThatIsNotHexIsMalformed() {
        for (String token : new String[] {"xyz", "82 00", "８２", "{\"_data\":\"82\"}"}) {
            assertThatThrownBy(() -> ReplayRequest.of(token, null, false)).as(token)
                    .isInstanceOfSatisfying(ReplayException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_TOKEN);
                        assertThat(e.getMessage()).startsWith("malformed token").doesNotContain("\n");
                    });
        }
    }

    @Test
    void anUntilThatIsNeitherTokenNorInstantIsABadArgument() {
        assertThatThrownBy(() -> ReplayRequest.of(T1, "yesterday", false))
                .isInstanceOfSatisfying(ReplayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_ARGUMENT);
                    assertThat(e.getMessage()).contains("neither a token nor an ISO-8601 instant");
                });
    }
}
