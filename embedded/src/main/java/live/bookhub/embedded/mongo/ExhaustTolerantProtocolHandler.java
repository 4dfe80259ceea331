package live.bookhub.embedded.mongo;

import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * mongo-java-server's decoder, tolerating OP_MSG's {@code exhaustAllowed} flag, which it refuses by
 * closing the connection. Drivers set it on the awaitable hello of a replica set member's monitor; it
 * only allows the server to stream replies (moreToCome), so it is cleared here and each request gets
 * one reply, which the wire protocol permits.
 */
final class ExhaustTolerantProtocolHandler extends MongoWireProtocolHandler {

    private static final int OP_MSG = 2013;
    private static final int EXHAUST_ALLOWED = 1 << 16;
    /** messageLength, requestID, responseTo, opCode, then the flag bits. */
    private static final int OP_CODE_OFFSET = 12;
    private static final int FLAGS_OFFSET = 16;

    @Override
    protected ClientRequest decode(ChannelHandlerContext ctx, ByteBuf buf) throws Exception {
        int start = buf.readerIndex();
        if (buf.readableBytes() >= FLAGS_OFFSET + 4 && buf.getIntLE(start + OP_CODE_OFFSET) == OP_MSG) {
            int flags = buf.getIntLE(start + FLAGS_OFFSET);
            if ((flags & EXHAUST_ALLOWED) != 0) {
                buf.setIntLE(start + FLAGS_OFFSET, flags & ~EXHAUST_ALLOWED);
            }
        }
        return super.decode(ctx, buf);
    }
}
