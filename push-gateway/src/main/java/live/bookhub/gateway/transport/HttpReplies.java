package live.bookhub.gateway.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import live.bookhub.events.EnvelopeCodec;
import tools.jackson.databind.node.ObjectNode;

/** The plain HTTP answers of the clients' port: an RFC 9457 problem, then the connection closes. */
final class HttpReplies {

    private HttpReplies() {
    }

    static void problem(Channel channel, HttpResponseStatus status, String detail) {
        ObjectNode problem = EnvelopeCodec.mapper().createObjectNode()
                .put("type", "about:blank")
                .put("title", status.reasonPhrase())
                .put("status", status.code())
                .put("detail", detail);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(problem.toString().getBytes(StandardCharsets.UTF_8)));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (status.equals(HttpResponseStatus.METHOD_NOT_ALLOWED)) {
            response.headers().set(HttpHeaderNames.ALLOW, "GET");
        }
        if (status.code() == 503 || status.code() == 429) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        }
        channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
