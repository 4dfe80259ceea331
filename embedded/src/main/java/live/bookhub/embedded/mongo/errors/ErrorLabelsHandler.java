package live.bookhub.embedded.mongo.errors;

import java.util.List;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Puts on each error reply the labels MongoDB would ({@link ErrorCodes#labels}), whoever wrote the
 * reply: mongo-java-server, the change streams or a fail point that names none itself. One per
 * connection: a client sends its next command only after the reply to the last one, so the last
 * command read is the one answered.
 */
public final class ErrorLabelsHandler extends ChannelDuplexHandler {

    private final Predicate<Document> isChangeStreamCommand;
    private Document command;
    private boolean changeStream;

    /**
     * @param isChangeStreamCommand whether a command opens a change stream or continues one (asked before
     *                              it runs: a change stream's getMore that fails also ends its cursor)
     */
    public ErrorLabelsHandler(Predicate<Document> isChangeStreamCommand) {
        this.isChangeStreamCommand = isChangeStreamCommand;
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
            if (failed && document.get("code") instanceof Number code && !document.containsKey("errorLabels")) {
                List<String> labels = ErrorCodes.labels(command, code.intValue(), changeStream);
                if (!labels.isEmpty()) {
                    document.put("errorLabels", labels);
                }
            }
        }
        ctx.write(msg, promise);
    }
}
