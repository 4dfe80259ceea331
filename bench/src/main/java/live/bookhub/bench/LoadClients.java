package live.bookhub.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;

/**
 * Many WebSocket clients in one process on few threads (Netty), so the load generator costs little
 * next to the server it measures. Only ever connects to 127.0.0.1. Text frames are not checked for
 * valid UTF-8: the check read every byte of every frame, 44 % of the generator's Java samples in a
 * resume storm, and says nothing about what is measured (each event's sequence number, read from
 * its ASCII digits, tells missing and doubled deliveries).
 */
final class LoadClients implements AutoCloseable {

    private static final int CONNECTING_AT_ONCE = 200;
    /**
     * How long a client waits for the server's 101 (Netty's default is 10 s). A browser waits far
     * longer; with the default, storms under load lost some clients before their welcome while the
     * gateway logged no close, most likely this generator's own timeout firing while its threads read
     * replays (not confirmed), so the wait is a browser's rather than Netty's.
     */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);

    private final Protocol protocol;
    private final EventLoopGroup group;
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    /** Connections closed before they were welcomed: they count as done, so a connect never waits for them. */
    private final AtomicInteger refused = new AtomicInteger();
    private volatile Phase phase;

    LoadClients(Protocol protocol, int threads) {
        this.protocol = protocol;
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    }

    /** Opens {@code count} connections spread over the ports, and waits until each has been welcomed. */
    void connect(List<Integer> ports, int count, Duration timeout) throws InterruptedException {
        connect(ports, count, client -> protocol.path(), timeout);
    }

    /** The same, each client on its own path and query ({@code client} counts from 0). */
    void connect(List<Integer> ports, int count, IntFunction<String> path, Duration timeout) throws InterruptedException {
        CountDownLatch welcomed = new CountDownLatch(count);
        Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
        for (int i = 0; i < count; i++) {
            connecting.acquire();
            URI uri = URI.create("ws://127.0.0.1:" + ports.get(i % ports.size()) + path.apply(i));
            Handshake handshake = new Handshake(welcomed, connecting, refused);
            Channel channel = bootstrap(uri, handshake).connect("127.0.0.1", uri.getPort()).sync().channel();
            channels.add(channel);
        }
        if (!welcomed.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || refused.get() > 0) {
            throw new IllegalStateException(welcomed.getCount() + " of " + count + " connections were not welcomed within "
                    + timeout + "; " + failures.get() + " failed, " + refused.get() + " closed before their welcome");
        }
    }

    private Bootstrap bootstrap(URI uri, Handshake handshake) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri).maxFramePayloadLength(1 << 20).withUTF8Validator(false)
                                        .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT.toMillis()).build()),
                                new LoadConnection(protocol, LoadClients.this, handshake));
                    }
                });
    }

    /** One connection's way to being welcomed: frees its place among those connecting at once, whatever the outcome. */
    static final class Handshake {
        private final CountDownLatch welcomed;
        private final Semaphore connecting;
        private final AtomicInteger refused;
        private final AtomicBoolean done = new AtomicBoolean();

        Handshake(CountDownLatch welcomed, Semaphore connecting, AtomicInteger refused) {
            this.welcomed = welcomed;
            this.connecting = connecting;
            this.refused = refused;
        }

        void succeeded() {
            if (done.compareAndSet(false, true)) {
                welcomed.countDown();
                connecting.release();
            }
        }

        void failed() {
            if (done.compareAndSet(false, true)) {
                refused.incrementAndGet();
                welcomed.countDown();
                connecting.release();
            }
        }
    }

    Phase phase() {
        return phase;
    }

    void startPhase(Phase next) {
        phase = next;
    }

    void failed(Throwable cause) {
        if (failures.incrementAndGet() <= 3) {
            System.err.println("load client failed: " + cause);
        }
    }

    int open() {
        return (int) channels.stream().filter(Channel::isActive).count();
    }

    /** Closes every connection and waits until they are closed. */
    void disconnect() {
        channels.forEach(Channel::close);
        channels.forEach(channel -> channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS));
        channels.clear();
    }

    @Override
    public void close() {
        disconnect();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
