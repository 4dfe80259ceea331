package live.bookhub.embedded.mongo.errors;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Completes each error reply as a replica set member's, whoever wrote it (mongo-java-server, the
 * change streams or a fail point): the labels MongoDB would put on it ({@link ErrorCodes#labels}) where
 * it names none itself, and on a not-primary or shutdown error the server's topologyVersion, which
 * tells a driver that its view of the server is not out of date (so it retries at once instead of
 * waiting for its monitor). One per connection: a client sends its next command only after the reply
 * to the last one, so the last command read is the one answered.
 */
public final class ErrorReplyHandler extends ChannelDuplexHandler {

    private final Predicate<Document> isChangeStreamCommand;
    private final Supplier<Document> topologyVersion;
    private Document command;
    private boolean changeStream;

    /**
     * @param isChangeStreamCommand whether a command opens a change stream or continues one (asked before
     *                              it runs: a change stream's getMore that fails also ends its cursor)
     */
    public ErrorReplyHandler(Predicate<Document> isChangeStreamCommand, Supplier<Document> topologyVersion) {
        this.isChangeStreamCommand = isChangeStreamCommand;
        this.topologyVersion = topologyVersion;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MongoMessage message) {
            command = message.getDocument();
            changeStream = isChangeStreamCommand.test(command);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MongoMessage reply && command != null) {
            Document document = reply.getDocument();
            boolean failed = document.get("ok") instanceof Number ok && ok.doubleValue() == 0;
            if (failed && document.get("code") instanceof Number code) {
                List<String> labels = ErrorCodes.labels(command, code.intValue(), changeStream);
                if (!labels.isEmpty() && !document.containsKey("errorLabels")) {
                    document.put("errorLabels", labels);
                }
                if (ErrorCodes.isStateChange(code.intValue())) {
                    document.put("topologyVersion", topologyVersion.get());
                }
            }
        }
        ctx.write(msg, promise);
    }
}
