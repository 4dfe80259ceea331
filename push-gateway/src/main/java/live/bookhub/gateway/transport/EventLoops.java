package live.bookhub.gateway.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import live.bookhub.gateway.system.IoTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O the clients' port runs on. Netty's native transports write each delivery with one system
 * call straight from the shared direct buffer, and wait on epoll instead of a Java selector; NIO is the fallback where the native library cannot load (another OS, another CPU).
 *
 * @param name what the start log line says
 */
record EventLoops(String name, IoHandlerFactory handlers, Class<? extends ServerChannel> serverChannel) {

    private static final Logger log = LoggerFactory.getLogger(EventLoops.class);

    static EventLoops of(IoTransport wanted) {
        return switch (wanted) {
            case AUTO -> Epoll.isAvailable() ? epoll() : nio();
            case EPOLL -> Epoll.isAvailable() ? epoll() : fallBack("epoll", Epoll.unavailabilityCause());
            case IO_URING -> IoUring.isAvailable() ? ioUring() : fallBack("io_uring", IoUring.unavailabilityCause());
            case NIO -> nio();
        };
    }

    private static EventLoops fallBack(String wanted, Throwable why) {
        log.warn("{} is not available here ({}): the clients' port runs on NIO", wanted, why.toString());
        return nio();
    }

    private static EventLoops epoll() {
        return new EventLoops("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
    }

    private static EventLoops ioUring() {
        return new EventLoops("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class);
    }

    private static EventLoops nio() {
        return new EventLoops("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }
}
