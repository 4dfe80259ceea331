package live.bookhub.bench;

/** How a load client speaks to a server: the push-gateway's JSON frames, or Socket.IO 4 (Engine.IO v4 over WebSocket). */
enum Protocol {

    BOOKHUB("/ws?topics=books"),
    SOCKET_IO("/socket.io/?EIO=4&transport=websocket&topics=books");

    private final String path;

    Protocol(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
