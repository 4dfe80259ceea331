package live.bookhub.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aResetForEveryoneIsRecognised() {
        assertThat(TopicRouting.isForEveryone("*")).isTrue();
        assertThat(TopicRouting.isForEveryone("books")).isFalse();
    }
}
