package live.bookhub.bench;

/**
 * How a load client speaks to a server: the push-gateway's JSON frames, or Socket.IO 4 (Engine.IO v4
 * over WebSocket); and where it reads an event's sequence number.
 */
enum Protocol {

    BOOKHUB("/ws?topics=books", "\"stock\":"),
    /** The push-gateway, the sequence number read from the token: a filter may judge the stock. */
    BOOKHUB_BY_TOKEN("/ws?topics=books", "\"token\":\"" + Publisher.TOKEN_PREFIX),
    SOCKET_IO("/socket.io/?EIO=4&transport=websocket&topics=books", "\"stock\":");

    private final String path;
    private final String seqField;

    Protocol(String path, String seqField) {
        this.path = path;
        this.seqField = seqField;
    }

    String path() {
        return path;
    }

    /** What precedes an event's sequence number (digits) in its frame. */
    String seqField() {
        return seqField;
    }
}
