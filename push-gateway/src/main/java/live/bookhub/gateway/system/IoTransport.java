package live.bookhub.gateway.system;

/** Which I/O the clients' port runs on ({@code bookhub.gateway.io-transport}). */
public enum IoTransport {
    /** Epoll where the kernel and the native library allow it, else NIO. */
    AUTO,
    EPOLL,
    NIO
}
