package live.bookhub.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The bare Netty fan-out the gateway's cost per delivery is compared with: a WebSocket server that
 * forwards each Redis message to every client and does nothing else (no topics, rights, resume,
 * metrics). It frames each message once into a direct buffer and writes a duplicate of it to each
 * socket from the socket's own event loop: one write system call per delivery on epoll (one submission
 * per loop turn on io_uring), on the gateway's I/O. Run by the bench as a process of its own: {@code
 * BareFanout <port> <redis-uri> [epoll|io_uring]}; {@code GET
 * /health} answers 200 once it listens.
 */
public final class BareFanout {

    private static final byte[] WELCOME = "{\"type\":\"welcome\"}".getBytes(StandardCharsets.UTF_8);

    private final Map<EventLoop, List<Channel>> clients = new ConcurrentHashMap<>();

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("io.lettuce.core.iouring", "false"); // its Redis connections stay on epoll, without io_uring's options
        int port = Integer.parseInt(args[0]);
        new BareFanout().run(port, args[1], args.length > 2 ? args[2] : "epoll");
    }

    private void run(int port, String redisUri, String io) throws InterruptedException {
        boolean ioUring = io.equals("io_uring") && IoUring.isAvailable();
        boolean epoll = !ioUring && Epoll.isAvailable();
        IoHandlerFactory handlers = ioUring ? IoUringIoHandler.newFactory() : epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> serverChannel = ioUring ? IoUringServerSocketChannel.class
                : epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), handlers);
        new ServerBootstrap().group(loops).channel(serverChannel)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), new Health(),
                                new WebSocketServerProtocolHandler("/ws", null, false, 65536, false, true), new Joined());
                    }
                })
                .bind("127.0.0.1", port).sync();
        StatefulRedisPubSubConnection<String, String> redis = RedisClient.create(redisUri).connectPubSub();
        redis.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                forward(frame(message.getBytes(StandardCharsets.UTF_8)));
            }
        });
        redis.sync().subscribe("bookhub:events");
        System.out.println("bare Netty fan-out on " + port + " (" + (ioUring ? "io_uring" : epoll ? "epoll" : "nio") + "), fed from " + redisUri);
        Thread.currentThread().join();
    }

    private void forward(ByteBuf frame) {
        clients.forEach((loop, channels) -> loop.execute(() -> {
            for (Channel channel : channels) {
                channel.writeAndFlush(frame.retainedDuplicate(), channel.voidPromise());
            }
        }));
    }

    private static ByteBuf frame(byte[] payload) {
        int header = payload.length < 126 ? 2 : 4;
        ByteBuffer frame = ByteBuffer.allocateDirect(header + payload.length);
        frame.put((byte) 0x81);
        if (header == 2) {
            frame.put((byte) payload.length);
        } else {
            frame.put((byte) 126).putShort((short) payload.length);
        }
        return Unpooled.wrappedBuffer(frame.put(payload).flip());
    }

    /** {@code GET /health}: the bench's readiness probe. */
    private static final class Health extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof FullHttpRequest request && request.uri().equals("/health")) {
                request.release();
                context.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            context.fireChannelRead(message);
        }
    }

    /** A client that completed its handshake: welcomed, then in its loop's list until it closes. */
    private final class Joined extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                Channel channel = context.channel();
                clients.computeIfAbsent(channel.eventLoop(), loop -> new ArrayList<>()).add(channel);
                channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(WELCOME)));
            }
            context.fireUserEventTriggered(event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            List<Channel> channels = clients.get(context.channel().eventLoop());
            if (channels != null) {
                channels.remove(context.channel());
            }
            context.fireChannelInactive();
        }
    }
}
