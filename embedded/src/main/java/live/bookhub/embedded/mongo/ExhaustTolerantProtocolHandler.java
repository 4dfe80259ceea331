package live.bookhub.embedded.mongo;

import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * mongo-java-server's decoder, with the OP_MSG flag bits it refuses by closing the connection:
 * <ul>
 *   <li>{@code exhaustAllowed}, which drivers set on the awaitable hello of a replica set member's
 *   monitor: it only allows the server to stream replies, so it is cleared and each request gets one
 *   reply, which the wire protocol permits;</li>
 *   <li>{@code moreToCome}, which marks a request the client wants no reply to (an unacknowledged
 *   write, {@code w: 0}; mongosh's {@code endSessions} as it exits): it is cleared and the request is
 *   passed on as an {@link UnacknowledgedMessage}, whose reply {@link UnacknowledgedReplyFilter} drops.</li>
 * </ul>
 */
final class ExhaustTolerantProtocolHandler extends MongoWireProtocolHandler {

    private static final int OP_MSG = 2013;
    private static final int MORE_TO_COME = 1 << 1;
    private static final int EXHAUST_ALLOWED = 1 << 16;
    /** messageLength, requestID, responseTo, opCode, then the flag bits. */
    private static final int OP_CODE_OFFSET = 12;
    private static final int FLAGS_OFFSET = 16;

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf buf) throws Exception {
        int start = buf.readerIndex();
        boolean moreToCome = false;
        if (buf.readableBytes() >= FLAGS_OFFSET + 4 && buf.getIntLE(start + OP_CODE_OFFSET) == OP_MSG) {
            int flags = buf.getIntLE(start + FLAGS_OFFSET);
            moreToCome = (flags & MORE_TO_COME) != 0;
            if ((flags & (EXHAUST_ALLOWED | MORE_TO_COME)) != 0) {
                buf.setIntLE(start + FLAGS_OFFSET, flags & ~(EXHAUST_ALLOWED | MORE_TO_COME));
            }
        }
        ClientRequest request = super.decode(ctx, buf);
        return moreToCome && request instanceof MongoMessage message ? new UnacknowledgedMessage(message) : request;
    }
}
