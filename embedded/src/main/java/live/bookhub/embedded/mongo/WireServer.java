package live.bookhub.embedded.mongo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import live.bookhub.embedded.mongo.errors.ErrorReplyHandler;
import live.bookhub.embedded.mongo.failpoint.FailPointHandler;

/**
 * The MongoDB-wire listener over the H2 backend with the bounded oplog: MongoServer's Netty pipeline
 * with handlers of ours in front of the request handler (MongoServer builds its pipeline inline, so it
 * cannot be extended there): a decoder that tolerates exhaustAllowed and moreToCome (whose replies are
 * dropped), error labels on error replies,
 * the fail point where test commands are on, the awaitable hello, and {@link AwaitDataHandler}; and the
 * {@link TtlMonitor}. Use it through {@code live.bookhub.embedded.EmbeddedMongo}.
 */
public final class WireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WireServer.class);

    private final OplogH2Backend backend;
    private final EventLoopGroup bossGroup = new MultiThreadIoEventLoopGroup(1,
            new MongoThreadFactory("mongo-server-boss"), NioIoHandler.newFactory());
    private final EventLoopGroup workerGroup = new MultiThreadIoEventLoopGroup(0,
            new MongoThreadFactory("mongo-server-worker"), NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup("mongodb-channels", workerGroup.next());
    private final Channel serverChannel;
    private final TtlMonitor ttlMonitor;
    private final int port;

    /**
     * Opens (or creates) the store and listens.
     *
     * @param mvStoreFile       the MVStore file holding data and oplog, or null to keep both in memory
     * @param oplogMaxSizeBytes the oplog's cap; the oldest entries go first
     * @param version           what the server reports to clients (mongosh 2.x wants wire version 9 or more)
     * @param testCommands      whether {@code configureFailPoint} exists; only on a loopback address
     * @param ttlMonitorInterval the TTL monitor's sleep between passes
     */
    public static WireServer start(String host, int port, Path mvStoreFile, long oplogMaxSizeBytes, MongoVersion version,
                                   boolean testCommands, Duration ttlMonitorInterval) {
        if (testCommands && !isLoopback(host)) {
            throw new IllegalArgumentException("test commands (configureFailPoint) are refused on " + host
                    + ": they let any client break the server, so only loopback addresses may have them");
        }
        MVStore mvStore = MVStore.open(mvStoreFile == null ? null : mvStoreFile.toString());
        OplogH2Backend backend = new OplogH2Backend(mvStore, oplogMaxSizeBytes);
        backend.version(version);
        try {
            backend.enableOplog();
            return new WireServer(backend, host, port, testCommands ? FailPointHandler.forOneServer() : null,
                    ttlMonitorInterval);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** @param failPoints the fail point handlers of this server's connections, or null without test commands */
    private WireServer(OplogH2Backend backend, String host, int port, Supplier<FailPointHandler> failPoints,
                       Duration ttlMonitorInterval) {
        this.backend = backend;
        try {
            serverChannel = new ServerBootstrap()
                    .group(bossGroup, workerGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .localAddress(new InetSocketAddress(host, port))
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        public void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(),
                                    new ExhaustTolerantProtocolHandler(), new UnacknowledgedReplyFilter(), new ErrorReplyHandler(backend::isChangeStreamCommand,
                                    backend.member()::topologyVersion));
                            if (failPoints != null) {
                                channel.pipeline().addLast(failPoints.get());
                            }
                            channel.pipeline().addLast(new AwaitableHelloHandler(backend.member()), new AwaitDataHandler(backend),
                                    backend.operations().handler(), new MongoDatabaseHandler(backend, clients),
                                    new MongoExceptionHandler());
                        }
                    })
                    .bind().syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutDownEventLoops();
            throw e;
        }
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        ttlMonitor = TtlMonitor.start(backend, backend.getClock(), ttlMonitorInterval);
        log.info("MongoDB-wire server listening on {}:{}", host, this.port);
    }

    public int port() {
        return port;
    }

    /** Stops listening, drops the clients, then closes the backend (which commits the MVStore). */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        shutDownEventLoops();
        ttlMonitor.close();
        backend.close();
        log.info("MongoDB-wire server on port {} stopped", port);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void shutDownEventLoops() {
        bossGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
