package live.bookhub.embedded.mongo;

import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Drops the replies to {@link UnacknowledgedMessage}s, as MongoDB sends none for a request with
 * {@code moreToCome}: a client that reads one would take it for the reply to its next request. A failed
 * one is logged in one line (the client cannot learn of it). One per connection.
 */
final class UnacknowledgedReplyFilter extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger(UnacknowledgedReplyFilter.class);

    /** Request ids awaiting their (dropped) reply; a client may send several before the server answers any. */
    private final Set<Integer> unacknowledged = new HashSet<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof UnacknowledgedMessage message) {
            unacknowledged.add(message.getHeader().getRequestID());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MongoMessage reply && unacknowledged.remove(reply.getHeader().getResponseTo())) {
            Document document = reply.getDocument();
            boolean failed = document.get("ok") instanceof Number ok && ok.doubleValue() == 0;
            if (failed || document.containsKey("writeErrors")) {
                log.warn("unacknowledged request {} from {} failed: {}", reply.getHeader().getResponseTo(),
                        ctx.channel().remoteAddress(), failed ? document.get("errmsg") : document.get("writeErrors"));
            }
            promise.setSuccess();
            return;
        }
        ctx.write(msg, promise);
    }
}
