package live.bookhub.gateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import live.bookhub.events.SessionRevocation;
import live.bookhub.events.SessionRevocation.Reason;
import live.bookhub.gateway.auth.Viewer;
import org.junit.jupiter.api.Test;

/** The re-check of one connection's topics after a revocation. */
class RecheckTest {

    private static final Set<String> ADMIN_TOPICS = Set.of("books", "admin", "orders:ada", "orders:bob");

    @Test
    void aDemotedAdminKeepsBooksAndItsOwnOrdersAndLosesTheRest() {
        Recheck recheck = Recheck.of(SessionRevocation.demoted("ada", "customer"), new Viewer("ada", "admin"), ADMIN_TOPICS).orElseThrow();

        assertThat(recheck.close()).isFalse();
        assertThat(recheck.viewer()).isEqualTo(new Viewer("ada", "customer"));
        assertThat(recheck.dropped()).containsExactly("admin", "orders:bob");
    }

    @Test
    void aDemotedCustomerLosesNothing() {
        Recheck recheck = Recheck.of(SessionRevocation.demoted("ada", "customer"), new Viewer("ada", "customer"),
                Set.of("books", "orders:ada")).orElseThrow();

        assertThat(recheck.dropped()).isEmpty();
    }

    @Test
    void aDisabledOrDeletedUsersConnectionCloses() {
        for (Reason reason : new Reason[] {Reason.DISABLED, Reason.DELETED}) {
            assertThat(Recheck.of(SessionRevocation.gone("ada", reason), new Viewer("ada", "customer"), Set.of("books")).orElseThrow().close())
                    .as(reason.wireName()).isTrue();
        }
    }

    @Test
    void anotherUsersOrAnAnonymousConnectionIsNotConcerned() {
        SessionRevocation deleted = SessionRevocation.gone("ada", Reason.DELETED);

        assertThat(Recheck.of(deleted, new Viewer("bob", "admin"), ADMIN_TOPICS)).isEmpty();
        assertThat(Recheck.of(deleted, Viewer.ANONYMOUS, Set.of("books"))).isEmpty();
    }
}
