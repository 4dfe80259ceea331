package live.bookhub.gateway.transport;

import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import live.bookhub.gateway.connection.Admission;
import live.bookhub.gateway.connection.ConnectRequest;
import live.bookhub.gateway.connection.Connections;
import live.bookhub.gateway.connection.Refusal;
import org.springframework.stereotype.Component;

/**
 * {@code GET /sse?topics=…} with {@code Last-Event-ID} (header, or {@code lastEventId} query): the
 * Server-Sent Events face of {@link Connections}, for clients that cannot use WebSockets. Same
 * topics, rights and resume; one-way, so topics are fixed by the query.
 */
@Component
class SseEndpoint {

    private final Connections connections;
    private final Admission admission;
    private final ConnectReader reader;
    private final Origins origins;

    SseEndpoint(Connections connections, Admission admission, ConnectReader reader, Origins origins) {
        this.connections = connections;
        this.admission = admission;
        this.reader = reader;
        this.origins = origins;
    }

    void open(ChannelHandlerContext context, FullHttpRequest request, QueryStringDecoder uri) {
        String origin = origins.check(request.headers());
        if (origin == null) {
            HttpReplies.problem(context.channel(), HttpResponseStatus.FORBIDDEN, "origin not allowed");
            return;
        }
        SseHandler handler = new SseHandler(connections);
        context.pipeline().remove("handshake-timeout");
        context.pipeline().replace(context.handler(), "sse", handler);
        Channel channel = context.channel();
        reader.read(uri, request.headers(), channel, connect -> admit(channel, handler, connect, origin));
    }

    private void admit(Channel channel, SseHandler handler, ConnectRequest request, String origin) {
        Optional<Refusal> refusal = admission.admit(request.authentication().viewer());
        if (refusal.isPresent()) {
            HttpReplies.problem(channel, HttpResponseStatus.valueOf(refusal.get().httpStatus()), refusal.get().reason());
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set("X-Accel-Buffering", "no"); // nginx: pass events on at once
        if (!origin.isEmpty()) {
            head.headers()
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                    .set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        }
        channel.write(head, channel.voidPromise());
        connections.open(request, new SseTransport(channel), handler);
    }
}
