package live.bookhub.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicRightsTest {

    private static final Viewer ADA = new Viewer("ada", "customer");
    private static final Viewer BOB = new Viewer("bob", "customer");
    private static final Viewer ADMIN = new Viewer("root", "admin");

    @Test
    void anyoneReadsBooks() {
        assertThat(TopicRights.mayRead(Viewer.ANONYMOUS, "books")).isTrue();
        assertThat(TopicRights.mayRead(ADA, "books")).isTrue();
    }

    @Test
    void ordersBelongToTheirCustomerAndTheAdmins() {
        assertThat(TopicRights.mayRead(ADA, "orders:ada")).isTrue();
        assertThat(TopicRights.mayRead(BOB, "orders:ada")).isFalse();
        assertThat(TopicRights.mayRead(Viewer.ANONYMOUS, "orders:ada")).isFalse();
        assertThat(TopicRights.mayRead(ADMIN, "orders:ada")).isTrue();
    }

    @Test
    void adminIsForAdminsOnly() {
        assertThat(TopicRights.mayRead(ADMIN, "admin")).isTrue();
        assertThat(TopicRights.mayRead(ADA, "admin")).isFalse();
        assertThat(TopicRights.mayRead(Viewer.ANONYMOUS, "admin")).isFalse();
    }
}
