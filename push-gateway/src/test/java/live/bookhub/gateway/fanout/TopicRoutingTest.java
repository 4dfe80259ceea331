package live.bookhub.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TopicRoutingTest {

    @Test
    void booksReachOnlyBooksSubscribers() {
        assertThat(TopicRouting.audiences("books")).containsExactly("books");
    }

    @Test
    void aUsersOrdersReachThatUserAndTheAdmins() {
        assertThat(TopicRouting.audiences("orders:665f")).containsExactly("orders:665f", "admin");
        assertThat(TopicRouting.audiences("admin")).containsExactly("admin");
    }

    @Test
    void aControlEventReachesNoClient() {
        assertThat(TopicRouting.audiences("control")).isEmpty();
        assertThat(TopicRouting.reaches("control", Set.of("books", "admin", "orders:665f"))).isFalse();
    }

    @Test
    void aResetForEveryoneIsRecognised() {
        assertThat(TopicRouting.isForEveryone("*")).isTrue();
        assertThat(TopicRouting.isForEveryone("books")).isFalse();
    }
}
