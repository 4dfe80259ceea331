package live.bookhub.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.auth.Authentication;
import live.bookhub.gateway.auth.Viewer;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.feed.Event;
import live.bookhub.gateway.protocol.FrameBlock;
import live.bookhub.gateway.protocol.GatewayFrame;
import live.bookhub.gateway.protocol.OutboundFrame;
import live.bookhub.gateway.support.TestProperties;
import org.junit.jupiter.api.Test;

/** A session on an {@link EmbeddedChannel}: its event loop runs the tasks the test lets it run, in order. */
class ClientSessionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Hub<ClientSession> hub = new Hub<>(meters);
    private final ChannelWire wire = new ChannelWire();
    private final ClientSession session = new ClientSession("c1", Authentication.of(new Viewer("ada", "customer"), Instant.MAX), wire,
            new SendLimit(TestProperties.of(Map.of("send-buffer-limit", "1KB")), hub, meters), new DeliveryMetrics(meters), 100);

    @Test
    void aResumingClientGetsItsReplayThenTheLiveEventsHeldMeanwhileEachOnceAndInOrder() {
        hub.add(session);
        hub.subscribe(session, "books");
        session.open(id(1), List.of(GatewayFrame.welcome("g", session.topics(), session.filters(), id(1))));

        assertThat(session.onLive(event(3, "books"))).isFalse();
        assertThat(session.onLive(event(4, "books"))).isFalse();
        session.replayed(page(event(2, "books"), event(3, "books")), null);
        assertThat(session.finishReplay()).isTrue();
        assertThat(session.onLive(event(5, "books"))).isTrue();
        session.flushLive();

        assertThat(wire.sent()).containsExactly("welcome", "2", "3", "4", "5");
        assertThat(session.position()).isEqualTo(id(5));
    }

    @Test
    void whatTheHubHandsBeforeTheWelcomeFollowsItInOrder() {
        hub.add(session);
        hub.subscribe(session, "books");

        session.onLive(event(2, "books"));
        session.inTurn(() -> session.resetTo(GatewayFrame.syncReset("history_lost", id(4)), id(4)));
        session.onLive(event(5, "books"));
        assertThat(wire.sent()).as("nothing before the welcome").isEmpty();

        session.open(id(1), List.of(GatewayFrame.welcome("g", session.topics(), session.filters(), id(1)), GatewayFrame.pong()));
        session.replayed(page(), null);
        assertThat(session.finishReplay()).isTrue();

        assertThat(wire.sent()).containsExactly("welcome", "pong", "sync:reset", "5");
        assertThat(session.position()).isEqualTo(id(5));
    }

    @Test
    void liveEventsGoOutTogetherAtTheHubsFlush() {
        live();

        assertThat(session.onLive(event(1, "books"))).as("the first since a flush asks for one").isTrue();
        assertThat(session.onLive(event(2, "books"))).isFalse();
        assertThat(wire.sent()).isEmpty();

        session.flushLive();
        assertThat(wire.sent()).containsExactly("1", "2");
    }

    @Test
    void aReplayPassesOverTopicsTheClientDoesNotReadButNotOverResetsForEveryone() {
        hub.add(session);
        hub.subscribe(session, "books");

        session.replayed(page(event(1, "orders:bob"), event(2, "*"), event(3, "orders:ada"), event(4, "books"), event(5, "books")), null);

        assertThat(wire.sent()).containsExactly("2", "4", "5");
        assertThat(wire.runs).as("each run of wanted events is one write").containsExactly("1..2", "3..5");
        assertThat(session.position()).isEqualTo(id(5));
    }

    @Test
    void aResetIsSentInOrderAndTheClientGoesOnAfterItsEnd() {
        live();

        session.resetTo(GatewayFrame.syncReset("history_lost", id(7)), id(7));
        assertThat(session.onLive(event(6, "books"))).isFalse();
        assertThat(session.onLive(event(8, "books"))).isTrue();
        session.flushLive();

        assertThat(wire.sent()).containsExactly("sync:reset", "8");
    }

    @Test
    void aClientWhoseSocketHoldsMoreThanTheSendLimitIsClosedWith1013AndGetsNothingMore() {
        live();
        wire.unsentBytes = 2048;

        session.send(GatewayFrame.pong());

        assertThat(wire.closedWith).isEqualTo("1013 too slow: reconnect and resume");
        assertThat(hub.size()).isZero();
        assertThat(meters.counter("bookhub.gateway.slow.closes").count()).isEqualTo(1);
        assertThat(session.onLive(event(1, "books"))).isFalse();
        assertThat(wire.sent()).containsExactly("pong");
    }

    @Test
    void aCloseFromAnotherThreadHappensOnTheClientsOwnLoop() throws InterruptedException {
        EventLoop loop = new DefaultEventLoop();
        try {
            ChannelWire onItsLoop = new ChannelWire(loop);
            ClientSession client = new ClientSession("c2", Authentication.NO_TOKEN, onItsLoop,
                    new SendLimit(TestProperties.of(Map.of()), hub, meters), new DeliveryMetrics(meters), 100);

            client.close(1012, "gateway draining");

            assertThat(onItsLoop.closed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(onItsLoop.closedWith).isEqualTo("1012 gateway draining");
            assertThat(onItsLoop.closedOnItsLoop).isTrue();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClosedClientIsSentNothingMore() {
        live();

        session.close(1012, "gateway draining");
        session.send(GatewayFrame.pong());
        assertThat(session.onLive(event(1, "books"))).isFalse();

        assertThat(wire.closedWith).isEqualTo("1012 gateway draining");
        assertThat(wire.sent()).isEmpty();
    }

    private void live() {
        hub.add(session);
        hub.subscribe(session, "books");
        session.finishReplay();
    }

    private static StreamPosition id(long n) {
        return new StreamPosition("e1", new StreamId(n, 0));
    }

    private static FrameBlock<Event> page(Event... events) {
        return FrameBlock.of(List.of(events), Event::withWebSocketFrame);
    }

    private static Event event(long n, String topic) {
        return new Event(id(n), topic, "book:updated", 0, Unpooled.EMPTY_BUFFER, null);
    }

    /**
     * A wire on an embedded channel: frames are written to it as they are, and what a flush leaves
     * unsent is whatever the test says (an embedded channel takes everything). Its loop is the
     * channel's, which runs whatever it is given at once, or a real one.
     */
    private static final class ChannelWire implements Transport {

        final EmbeddedChannel channel = new EmbeddedChannel();
        final EventLoop loop;
        final CountDownLatch closed = new CountDownLatch(1);
        final List<String> runs = new ArrayList<>();
        long unsentBytes;
        volatile String closedWith;
        volatile boolean closedOnItsLoop;

        ChannelWire() {
            this.loop = channel.eventLoop();
        }

        ChannelWire(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public EventLoop eventLoop() {
            return loop;
        }

        @Override
        public void write(OutboundFrame frame) {
            channel.write(frame);
        }

        @Override
        public void write(FrameBlock<?> block, int from, int to) {
            runs.add(from + ".." + to);
            block.frames().subList(from, to).forEach(channel::write);
        }

        @Override
        public long flush() {
            channel.flush();
            return unsentBytes;
        }

        @Override
        public void ping() {
            channel.writeAndFlush("ping");
        }

        @Override
        public boolean isWritable() {
            return true;
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code + " " + reason;
            closedOnItsLoop = loop.inEventLoop();
            closed.countDown();
        }

        @Override
        public boolean answersPings() {
            return true;
        }

        /** What was flushed to the socket so far: each event's id, or each gateway frame's type. */
        List<String> sent() {
            List<String> sent = new ArrayList<>();
            for (Object message = channel.readOutbound(); message != null; message = channel.readOutbound()) {
                sent.add(message instanceof Event event ? String.valueOf(event.id().millis()) : ((OutboundFrame) message).type());
            }
            return sent;
        }
    }
}
