package live.bookhub.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.filter.BookFilter;
import live.bookhub.gateway.filter.FilterProperties;
import live.bookhub.gateway.filter.FilterReader;
import live.bookhub.gateway.filter.Subscription;
import live.bookhub.gateway.protocol.OutboundFrame;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Clients with equal filters share one group; groups go with their last member, so none is judged for nobody. */
class HubFilterGroupsTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Hub<Member> hub = new Hub<>(meters);
    private final FilterReader reader = new FilterReader(new FilterProperties(100, 10, DataSize.ofKilobytes(3)));

    @Test
    void equalFiltersShareAGroupAndAnEventReachesEachMemberOfTheGroupsItSelectsOnce() {
        Member cart = member();
        Member twice = member();
        Member other = member();
        hub.filter(cart, subscription("cart", "{\"ids\":[\"a\",\"b\"]}"));
        hub.filter(twice, subscription("one", "{\"ids\":[\"b\",\"a\"]}"));
        hub.filter(twice, subscription("two", "{\"ids\":[\"a\",\"b\",\"a\"]}"));
        hub.filter(other, subscription("x", "{\"ids\":[\"c\"]}"));
        assertThat(groups()).isEqualTo(2);

        hub.publish(event(1, "a"));
        channel.runPendingTasks();

        assertThat(cart.offered).containsExactly(1L);
        assertThat(twice.offered).containsExactly(1L);
        assertThat(other.offered).isEmpty();
    }

    @Test
    void aGroupGoesWithItsLastMemberWhetherItUnsubscribesReplacesOrLeaves() {
        Member first = member();
        Member second = member();
        hub.filter(first, subscription("s", "{\"genre\":[\"fantasy\"]}"));
        hub.filter(second, subscription("s", "{\"genre\":[\"fantasy\"]}"));
        hub.filter(second, subscription("t", "{\"genre\":[\"fantasy\"]}"));
        assertThat(groups()).isEqualTo(1);

        hub.filter(first, subscription("s", "{\"genre\":[\"scifi\"]}"));
        hub.unfilter(second, "s");
        assertThat(groups()).isEqualTo(2);
        hub.unfilter(second, "t");
        assertThat(groups()).isEqualTo(1);
        hub.remove(first);
        assertThat(groups()).isZero();

        hub.publish(event(2, "a"));
        channel.runPendingTasks();
        assertThat(first.offered).isEmpty();
        assertThat(second.offered).isEmpty();
    }

    private Member member() {
        Member member = new Member(channel.eventLoop());
        hub.add(member);
        return member;
    }

    private Subscription subscription(String sub, String filter) {
        return reader.read(sub, EnvelopeCodec.mapper().readTree(filter));
    }

    private double groups() {
        return meters.get("bookhub.gateway.filter.groups").gauge().value();
    }

    private static Event event(long n, String bookId) {
        return Event.parse("{\"id\":\"" + n + "-0\",\"epoch\":\"e\",\"type\":\"book:updated\",\"topic\":\"books\","
                + "\"data\":{\"id\":\"" + bookId + "\",\"genre\":\"fantasy\"},\"changed\":[\"stock\"]}");
    }

    /** A client that keeps the ids of the events offered to it. */
    private static final class Member implements Subscriber {

        final EventLoop loop;
        final Map<String, BookFilter> filters = new ConcurrentHashMap<>();
        final List<Long> offered = new ArrayList<>();

        Member(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public EventLoop eventLoop() {
            return loop;
        }

        @Override
        public Set<String> topics() {
            return Set.of();
        }

        @Override
        public Map<String, BookFilter> filters() {
            return filters;
        }

        @Override
        public boolean onLive(Event event) {
            offered.add(event.id().millis());
            return false;
        }

        @Override
        public void flushLive() {
        }

        @Override
        public void resetTo(OutboundFrame reset, StreamPosition end) {
        }
    }
}
