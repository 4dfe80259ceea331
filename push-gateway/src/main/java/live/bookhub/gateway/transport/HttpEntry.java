package live.bookhub.gateway.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first request on a connection to the clients' port: {@code GET /ws} becomes a WebSocket,
 * {@code GET /sse} an event stream; anything else gets a problem and the connection closes.
 */
@Component
@ChannelHandler.Sharable
class HttpEntry extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpEntry.class);

    private final WebSocketEndpoint webSocket;
    private final SseEndpoint sse;

    HttpEntry(WebSocketEndpoint webSocket, SseEndpoint sse) {
        this.webSocket = webSocket;
        this.sse = sse;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            HttpReplies.problem(context.channel(), HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        try {
            uri.path(); // both decoded here: a malformed escape is the client's error, not a failure later on
            uri.parameters();
        } catch (IllegalArgumentException e) {
            HttpReplies.problem(context.channel(), HttpResponseStatus.BAD_REQUEST, "malformed request URI: " + e.getMessage());
            return;
        }
        boolean known = uri.path().equals("/ws") || uri.path().equals("/sse");
        if (!known) {
            HttpReplies.problem(context.channel(), HttpResponseStatus.NOT_FOUND,
                    "this port serves /ws (WebSocket) and /sse (Server-Sent Events); health and metrics are on the admin port");
        } else if (!request.method().equals(HttpMethod.GET)) {
            HttpReplies.problem(context.channel(), HttpResponseStatus.METHOD_NOT_ALLOWED, uri.path() + " takes GET");
        } else if (uri.path().equals("/ws")) {
            webSocket.open(context, request, uri);
        } else {
            sse.open(context, request, uri);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (!(cause instanceof ReadTimeoutException)) {
            log.debug("connection {} failed before its request was read: {}", context.channel().remoteAddress(), cause.toString());
        }
        context.close();
    }
}
