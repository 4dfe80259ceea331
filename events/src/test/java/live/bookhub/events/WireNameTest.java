package live.bookhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class WireNameTest {

    private enum Reason implements WireName { HISTORY_LOST, DROPPED }

    @Test
    void aConstantTravelsAsItsNameInLowerCase() {
        assertThat(Reason.HISTORY_LOST.wireName()).isEqualTo("history_lost");
        assertThat(Reason.DROPPED.wireName()).isEqualTo("dropped");
    }

    @Test
    void eventTypesAreTheContractsTypeNames() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName)).containsExactly(
                "book:created", "book:updated", "book:deleted", "order:created", "order:updated", "book:low-stock", "book:restocked",
                "sync:reset", "session:revoked");
    }
}
