package live.bookhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionRevocationTest {

    @Test
    void travelsAsTheUserIdTheReasonAndForADemotionTheRoleLeft() {
        SessionRevocation demoted = SessionRevocation.demoted("665f", "customer");
        SessionRevocation deleted = SessionRevocation.gone("665f", SessionRevocation.Reason.DELETED);

        assertThat(demoted.toData().toString()).isEqualTo("{\"userId\":\"665f\",\"reason\":\"demoted\",\"role\":\"customer\"}");
        assertThat(deleted.toData().toString()).isEqualTo("{\"userId\":\"665f\",\"reason\":\"deleted\"}");
        assertThat(SessionRevocation.fromData(demoted.toData())).contains(demoted);
        assertThat(SessionRevocation.fromData(deleted.toData())).contains(deleted);
        assertThat(demoted.endsSessions()).isFalse();
        assertThat(deleted.endsSessions()).isTrue();
    }

    @Test
    void dataThatNamesNoUserNoKnownReasonOrADemotionWithoutRoleIsNoRevocation() {
        for (String data : new String[] {"{}", "{\"reason\":\"deleted\"}", "{\"userId\":\"665f\",\"reason\":\"promoted\"}",
                "{\"userId\":\"665f\",\"reason\":\"demoted\"}", "[]"}) {
            assertThat(SessionRevocation.fromData(EnvelopeCodec.mapper().readTree(data))).as(data).isEmpty();
        }
    }
}
