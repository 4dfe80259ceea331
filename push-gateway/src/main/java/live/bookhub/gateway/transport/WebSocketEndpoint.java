package live.bookhub.gateway.transport;

import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import live.bookhub.gateway.connection.Admission;
import live.bookhub.gateway.connection.ClientOps;
import live.bookhub.gateway.connection.ConnectRequest;
import live.bookhub.gateway.connection.Connections;
import live.bookhub.gateway.connection.Refusal;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code GET /ws?topics=…&lastEventId=…}: the WebSocket face of {@link Connections}. The upgrade is
 * answered at once with reads paused; the token is verified off the loop; then the client is admitted
 * (or closed with the refusal's code), welcomed, and its frames are read: ops sent before the welcome
 * wait in the socket until then.
 */
@Component
class WebSocketEndpoint {

    private static final Logger log = LoggerFactory.getLogger(WebSocketEndpoint.class);
    /** Frames above max-frame-size get an error frame; frames above this are not even read: close 1009. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private final Connections connections;
    private final ClientOps ops;
    private final Admission admission;
    private final ConnectReader reader;
    private final Origins origins;
    private final GatewayProperties properties;
    private final WebSocketDecoderConfig decoderConfig = WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(MAX_FRAME_BYTES)
            .allowExtensions(false)
            .build();

    WebSocketEndpoint(Connections connections, ClientOps ops, Admission admission, ConnectReader reader, Origins origins, GatewayProperties properties) {
        this.connections = connections;
        this.ops = ops;
        this.admission = admission;
        this.reader = reader;
        this.origins = origins;
        this.properties = properties;
    }

    void open(ChannelHandlerContext context, FullHttpRequest request, QueryStringDecoder uri) {
        if (origins.check(request.headers()) == null) {
            HttpReplies.problem(context.channel(), HttpResponseStatus.FORBIDDEN, "origin not allowed");
            return;
        }
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            HttpReplies.problem(context.channel(), HttpResponseStatus.BAD_REQUEST, "/ws needs a WebSocket upgrade request (Upgrade: websocket)");
            return;
        }
        String url = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + uri.path();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, null, decoderConfig).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(context.channel());
            return;
        }
        Channel channel = context.channel();
        WebSocketHandler handler = new WebSocketHandler(channel, connections, ops, properties);
        context.pipeline().remove("handshake-timeout");
        context.pipeline().replace(context.handler(), "websocket", handler);
        channel.config().setAutoRead(false); // no client frame is read before the client is admitted and welcomed (WebSocketHandler)
        handshaker.handshake(channel, request).addListener(done -> {
            if (!done.isSuccess()) {
                log.debug("WebSocket handshake with {} failed: {}", channel.remoteAddress(), done.cause().toString());
                channel.close();
                return;
            }
            reader.read(uri, request.headers(), channel, connect -> admit(channel, handler, connect));
        });
    }

    private void admit(Channel channel, WebSocketHandler handler, ConnectRequest request) {
        WebSocketTransport transport = new WebSocketTransport(channel);
        Optional<Refusal> refusal = admission.admit(request.authentication().viewer());
        if (refusal.isPresent()) {
            transport.close(refusal.get().closeCode(), refusal.get().reason());
            return;
        }
        connections.open(request, transport, handler); // the handler reads the client's frames once it is welcomed
    }
}
