package live.bookhub.bench;

import java.util.BitSet;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One load client's connection: answers the protocol's handshake and pings, and for each event
 * notes its sequence number (duplicates) and publish-to-receipt latency in the current phase.
 */
final class LoadConnection extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final String TS_FIELD = "\"ts\":\"";

    private final Protocol protocol;
    private final LoadClients owner;
    private final LoadClients.Handshake handshake;
    private Phase phase;
    private BitSet seen;

    LoadConnection(Protocol protocol, LoadClients owner, LoadClients.Handshake handshake) {
        this.protocol = protocol;
        this.owner = owner;
        this.handshake = handshake;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            return;
        }
        String payload = text.text();
        if (protocol != Protocol.SOCKET_IO) {
            if (payload.startsWith("{\"id\":\"")) {
                onEvent(payload);
            } else if (payload.startsWith("{\"type\":\"welcome\"")) {
                handshake.succeeded();
            }
            return;
        }
        if (payload.startsWith("42[")) {
            onEvent(payload);
        } else if (payload.equals("2")) {
            context.writeAndFlush(new TextWebSocketFrame("3")); // Engine.IO: the server pings, the client pongs
        } else if (payload.startsWith("0{")) {
            context.writeAndFlush(new TextWebSocketFrame("40")); // join the default namespace
        } else if (payload.startsWith("40")) {
            handshake.succeeded();
        }
    }

    private void onEvent(String payload) {
        long received = BenchClock.nowMicros();
        Phase current = owner.phase();
        if (current == null) {
            return;
        }
        int seqAt = payload.indexOf(protocol.seqField()) + protocol.seqField().length();
        long seq = 0;
        for (int i = seqAt; Character.isDigit(payload.charAt(i)); i++) {
            seq = seq * 10 + (payload.charAt(i) - '0');
        }
        if (!current.covers(seq)) {
            return;
        }
        if (current != phase) {
            phase = current;
            seen = new BitSet(current.capacity);
        }
        int index = (int) (seq - current.firstSeq);
        if (seen.get(index)) {
            current.duplicates.increment();
            return;
        }
        seen.set(index);
        current.unique.increment();
        current.latency.record(received - BenchClock.parseMicros(payload, payload.indexOf(TS_FIELD) + TS_FIELD.length()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        handshake.failed();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        handshake.failed();
        owner.failed(cause);
        context.close();
    }
}
