package live.bookhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void knowsTheThreeKindsOfTopic() {
        assertThat(Topics.isWellFormed("books")).isTrue();
        assertThat(Topics.isWellFormed("admin")).isTrue();
        assertThat(Topics.isWellFormed(Topics.orders("665f1c2b9d3e4a0012345678"))).isTrue();
        assertThat(Topics.ordersOwner("orders:665f")).isEqualTo("665f");
        assertThat(Topics.ordersOwner("books")).isNull();
    }

    @Test
    void rejectsAnythingElse() {
        for (String bad : new String[] {"", "orders:", "book", "orders:a b", "orders:" + "x".repeat(80), "*", Topics.CONTROL}) {
            assertThat(Topics.isWellFormed(bad)).as(bad).isFalse();
        }
    }
}
