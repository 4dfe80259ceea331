package live.bookhub.embedded.mongo.failpoint;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MessageHeader;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import live.bookhub.embedded.mongo.errors.ErrorCodes;

/**
 * The test command {@code configureFailPoint} with MongoDB's {@code failCommand} fail point: it makes
 * chosen commands fail with an error (and labels), close the connection, or wait first — the errors a
 * driver or a change-stream consumer must survive. Sits in front of the command handlers, so a failed
 * command never runs. Only in the pipeline of a server started with test commands on a loopback
 * address (MongoDB's {@code enableTestCommands}); elsewhere {@code configureFailPoint} is unknown.
 */
public final class FailPointHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(FailPointHandler.class);
    private static final AttributeKey<String> APP_NAME = AttributeKey.valueOf("bookhub.appName");
    private static final String MESSAGE = "Failing command via 'failCommand' failpoint";

    private final FailCommand failCommand;

    private FailPointHandler(FailCommand failCommand) {
        this.failCommand = failCommand;
    }

    /** Handlers for the connections of one server, all sharing its fail point. */
    public static Supplier<FailPointHandler> forOneServer() {
        FailCommand shared = new FailCommand();
        return () -> new FailPointHandler(shared);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MongoQuery query) {
            rememberAppName(ctx, query.getQuery());
        } else if (msg instanceof MongoMessage message) {
            Document command = message.getDocument();
            String name = command.keySet().iterator().next();
            rememberAppName(ctx, command);
            if (name.equals("configureFailPoint")) {
                reply(ctx, message, configure(command));
                return;
            }
            var action = failCommand.enter(name, ctx.channel().attr(APP_NAME).get());
            if (action.isPresent()) {
                log.info("failCommand fail point fires on {}: {}", name, action.get());
                if (action.get().blockMillis() > 0) {
                    ctx.executor().schedule(() -> fail(ctx, message, action.get()), action.get().blockMillis(), TimeUnit.MILLISECONDS);
                } else {
                    fail(ctx, message, action.get());
                }
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private Document configure(Document command) {
        if (!"failCommand".equals(command.get("configureFailPoint"))) {
            return error(266, command.get("configureFailPoint") + " not found (this server has the failCommand fail point only)");
        }
        try {
            return new Document("count", failCommand.configure(command)).append("ok", 1.0);
        } catch (MongoServerError e) {
            return error(e.getCode(), e.getMessageWithoutErrorCode());
        }
    }

    private static void fail(ChannelHandlerContext ctx, MongoMessage message, FailCommand.Action action) {
        if (action.closeConnection()) {
            ctx.channel().close();
        } else if (action.errorCode() != null) {
            Document error = error(action.errorCode(), MESSAGE);
            if (action.errorLabels() != null) {
                error.put("errorLabels", action.errorLabels()); // else the server's own labels, as on MongoDB
            }
            reply(ctx, message, error);
        } else {
            ctx.fireChannelRead(message); // only blocked: the command runs now
        }
    }

    private static Document error(int code, String message) {
        return new Document("ok", 0.0).append("errmsg", message).append("code", code).append("codeName", ErrorCodes.nameOf(code));
    }

    private static void reply(ChannelHandlerContext ctx, ClientRequest request, Document body) {
        ctx.writeAndFlush(new MongoMessage(ctx.channel(), new MessageHeader(0, request.getHeader().getRequestID()), body));
    }

    /** The handshake names the client's application: {@code appName} picks the clients a fail point hits. */
    private static void rememberAppName(ChannelHandlerContext ctx, Document command) {
        if (command.get("client") instanceof Document client && client.get("application") instanceof Document application
                && application.get("name") instanceof String name) {
            ctx.channel().attr(APP_NAME).set(name);
        }
    }
}
