package live.bookhub.gateway.system;

/** Which I/O the clients' port runs on ({@code bookhub.gateway.io-transport}). */
public enum IoTransport {
    /** Epoll where the kernel and the native library allow it, else NIO. */
    AUTO,
    EPOLL,
    /** Linux's io_uring: a loop's writes to many sockets go to the kernel in one submission. */
    IO_URING,
    NIO
}
