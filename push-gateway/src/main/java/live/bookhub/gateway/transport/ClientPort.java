package live.bookhub.gateway.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import live.bookhub.gateway.system.GatewayIdentity;
import live.bookhub.gateway.system.GatewayProperties;
import live.bookhub.gateway.system.Phases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The clients' port ({@code /ws}, {@code /sse}): a Netty server whose event loops own the client
 * connections. Each delivery is one write into a socket from the thread that owns it, which is what
 * a fan-out of thousands of small frames per event costs least with. Health and metrics stay on
 * Spring Boot's server (the admin port).
 */
@Component
public class ClientPort implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClientPort.class);
    private static final int MAX_REQUEST_LINE = 4096;
    private static final int MAX_HEADERS = 8192;
    private static final int BACKLOG = 1024;

    private final GatewayProperties properties;
    private final HttpEntry entry;
    private final GatewayIdentity identity;
    private EventLoopGroup loops;
    private Channel server;
    private volatile int port;

    ClientPort(GatewayProperties properties, HttpEntry entry, GatewayIdentity identity) {
        this.properties = properties;
        this.entry = entry;
        this.identity = identity;
    }

    @Override
    public synchronized void start() {
        int threads = properties.ioThreads() > 0 ? properties.ioThreads() : Runtime.getRuntime().availableProcessors();
        EventLoops io = EventLoops.of(properties.ioTransport());
        loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("gateway-io"), io.handlers());
        long sendBufferLimit = properties.sendBufferLimit().toBytes();
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops)
                .channel(io.serverChannel())
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // A resume pauses above half the send limit and goes on below a quarter (see Resumer).
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark((int) (sendBufferLimit / 4), (int) (sendBufferLimit / 2)))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast("handshake-timeout", new ReadTimeoutHandler(properties.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS))
                                .addLast("http", new HttpServerCodec(MAX_REQUEST_LINE, MAX_HEADERS, MAX_HEADERS))
                                .addLast("aggregator", new HttpObjectAggregator(MAX_HEADERS))
                                .addLast("entry", entry);
                    }
                });
        server = bootstrap.bind(properties.address(), properties.port()).syncUninterruptibly().channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
        identity.listeningOn(port);
        log.info("clients' port {} on {} {} event loops: /ws and /sse", port, threads, io.name());
    }

    /** The bound port (useful when {@code port} is 0). */
    public int port() {
        return port;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Clients are let in once the live subscription runs, and the port closes after Drain has sent them away. */
    @Override
    public int getPhase() {
        return Phases.CLIENT_SERVER;
    }
}
