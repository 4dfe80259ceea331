package live.bookhub.gateway.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.connection.Connections;
import live.bookhub.gateway.connection.Opening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a client's pipeline once its stream is open, reading from the client on behalf of its
 * session: what both transports do alike.
 */
abstract class SessionHandler extends ChannelInboundHandlerAdapter implements Opening {

    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    final Connections connections;
    ClientSession session;

    SessionHandler(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void created(ClientSession created) {
        session = created;
    }

    @Override
    public void welcomed() {
    }

    /** A paused replay goes on once the socket has taken most of what was queued. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (session != null) {
            session.writabilityChanged();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (session != null) {
            connections.closed(session);
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        log.debug("client {} failed: {}", session == null ? context.channel().remoteAddress() : session.id(), cause.toString());
        context.close();
    }
}
