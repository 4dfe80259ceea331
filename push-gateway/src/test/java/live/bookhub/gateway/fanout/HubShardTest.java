package live.bookhub.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.filter.BookFilter;
import live.bookhub.gateway.protocol.GatewayFrame;
import live.bookhub.gateway.protocol.OutboundFrame;
import org.junit.jupiter.api.Test;

class HubShardTest {

    /** An embedded channel's loop runs the shard's hand-outs when the test says so. */
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final HubShard<Recorder> shard = new HubShard<>(channel.eventLoop());
    /** Every client's writes and flushes, in the order they happened. */
    private final List<String> journal = new ArrayList<>();

    @Test
    void anEventReachesTheSubscribersOfItsAudiencesOnly() {
        Recorder books = subscribed("books");
        Recorder ada = subscribed("orders:ada");
        Recorder admin = subscribed("admin");
        Recorder bob = subscribed("orders:bob");

        shard.publish(event(1, "books"), List.of());
        shard.publish(event(2, "orders:ada"), List.of());
        shard.publish(event(3, "*"), List.of());
        channel.runPendingTasks();

        assertThat(books.received).containsExactly("1", "3");
        assertThat(ada.received).containsExactly("2", "3");
        assertThat(admin.received).containsExactly("2", "3");
        assertThat(bob.received).containsExactly("3");
    }

    @Test
    void eventsThatWaitedForTheLoopAreHandedOutTogetherWithOneFlushPerSubscriber() {
        Recorder client = subscribed("books");

        for (long n = 1; n <= 3; n++) {
            shard.publish(event(n, "books"), List.of());
        }
        assertThat(client.received).as("nothing before the loop runs").isEmpty();
        channel.runPendingTasks();

        assertThat(client.received).containsExactly("1", "2", "3");
        assertThat(client.flushes).isEqualTo(1);
    }

    @Test
    void anEventAloneGoesToEachClientWithItsFlushRightAfterItsWrite() {
        subscribed("books");
        subscribed("books");
        subscribed("books");

        shard.publish(event(1, "books"), List.of());
        channel.runPendingTasks();

        assertThat(journal).hasSize(6);
        for (int i = 0; i < journal.size(); i += 2) {
            String client = journal.get(i).split(" ")[0];
            assertThat(journal.subList(i, i + 2)).containsExactly(client + " wrote 1", client + " flushed");
        }
    }

    @Test
    void inABatchEveryClientIsFlushedOnceAfterItsLastWrite() {
        Recorder both = subscribed("books", "admin");
        Recorder admin = subscribed("admin");

        shard.publish(event(1, "books"), List.of());
        shard.publish(event(2, "admin"), List.of());
        shard.publish(event(3, "books"), List.of());
        channel.runPendingTasks();

        assertThat(both.received).containsExactly("1", "2", "3");
        assertThat(admin.received).containsExactly("2");
        assertThat(both.flushes).isEqualTo(1);
        assertThat(admin.flushes).isEqualTo(1);
        assertThat(journal.indexOf(both + " flushed")).isGreaterThan(journal.indexOf(both + " wrote 3"));
        assertThat(journal.indexOf(admin + " flushed")).isGreaterThan(journal.indexOf(admin + " wrote 2"));
    }

    @Test
    void aLongQueueIsHandedOutInBatchesOfAtMostSixtyFour() {
        Recorder client = subscribed("books");

        LongStream.rangeClosed(1, 100).forEach(n -> shard.publish(event(n, "books"), List.of()));
        channel.runPendingTasks();

        assertThat(client.received).hasSize(100);
        assertThat(client.flushes).isEqualTo(2);
    }

    @Test
    void aResetReachesEveryoneInOrderWithTheEvents() {
        Recorder books = subscribed("books");
        Recorder nothing = subscribed();

        shard.publish(event(1, "books"), List.of());
        shard.resetAll(GatewayFrame.syncReset("history_lost", id(5)), id(5));
        shard.publish(event(6, "books"), List.of());
        channel.runPendingTasks();

        assertThat(books.received).containsExactly("1", "sync:reset after 5", "6");
        assertThat(nothing.received).containsExactly("sync:reset after 5");
    }

    @Test
    void anActionForEveryClientRunsBetweenTheEventsQueuedBeforeAndAfterIt() {
        Recorder client = subscribed("books");

        shard.publish(event(1, "books"), List.of());
        shard.inOrder(recorder -> {
            recorder.received.add("re-checked");
            shard.unsubscribe(recorder, "books");
        });
        shard.publish(event(2, "books"), List.of());
        channel.runPendingTasks();

        assertThat(client.received).containsExactly("1", "re-checked");
    }

    @Test
    void anUnsubscribedOrRemovedClientGetsNothingMore() {
        Recorder left = subscribed("books");
        Recorder gone = subscribed("books");

        shard.unsubscribe(left, "books");
        shard.unsubscribe(gone, "books");
        shard.remove(gone);
        shard.publish(event(1, "books"), List.of());
        shard.publish(event(2, "*"), List.of());
        channel.runPendingTasks();

        assertThat(left.received).containsExactly("2");
        assertThat(gone.received).isEmpty();
        assertThat(shard.isEmpty()).isFalse();
    }

    @Test
    void eventsPublishedFromAnotherThreadReachClientsOnTheirLoopInPublishOrder() throws InterruptedException {
        EventLoop loop = new DefaultEventLoop();
        try {
            HubShard<Recorder> onItsThread = new HubShard<>(loop);
            CountDownLatch all = new CountDownLatch(1000);
            Recorder client = new Recorder(loop, all, new ArrayList<>());
            onItsThread.add(client);
            onItsThread.subscribe(client, "books");

            Thread publisher = new Thread(() -> LongStream.rangeClosed(1, 1000).forEach(n -> onItsThread.publish(event(n, "books"), List.of())));
            publisher.start();

            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.received).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).mapToObj(String::valueOf).toList());
            assertThat(client.onLoop).isTrue();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private Recorder subscribed(String... topics) {
        Recorder recorder = new Recorder(channel.eventLoop(), new CountDownLatch(0), journal);
        shard.add(recorder);
        for (String topic : topics) {
            shard.subscribe(recorder, topic);
        }
        return recorder;
    }

    private static StreamPosition id(long n) {
        return new StreamPosition("e1", new StreamId(n, 0));
    }

    private static Event event(long n, String topic) {
        return new Event(id(n), topic, "book:updated", 0, Unpooled.EMPTY_BUFFER, null);
    }

    /** A subscriber that keeps what it was handed, and whether that always happened on its loop. */
    private static final class Recorder implements Subscriber {

        final EventLoop loop;
        final CountDownLatch handed;
        final List<String> journal;
        final String name = "client-" + System.identityHashCode(this);
        final Set<String> topics = ConcurrentHashMap.newKeySet();
        final List<String> received = new ArrayList<>();
        volatile boolean onLoop = true;
        int flushes;
        boolean unflushed;

        Recorder(EventLoop loop, CountDownLatch handed, List<String> journal) {
            this.loop = loop;
            this.handed = handed;
            this.journal = journal;
        }

        @Override
        public String toString() {
            return name;
        }

        @Override
        public EventLoop eventLoop() {
            return loop;
        }

        @Override
        public Set<String> topics() {
            return topics;
        }

        @Override
        public Map<String, BookFilter> filters() {
            return Map.of();
        }

        @Override
        public boolean onLive(Event event) {
            onLoop &= loop.inEventLoop();
            received.add(String.valueOf(event.id().millis()));
            journal.add(name + " wrote " + event.id().millis());
            handed.countDown();
            boolean first = !unflushed;
            unflushed = true;
            return first;
        }

        @Override
        public void flushLive() {
            journal.add(name + " flushed");
            flushes++;
            unflushed = false;
        }

        @Override
        public void resetTo(OutboundFrame reset, StreamPosition end) {
            received.add(reset.type() + " after " + end.id().millis());
        }
    }
}
