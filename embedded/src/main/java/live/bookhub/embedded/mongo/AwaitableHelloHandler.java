package live.bookhub.embedded.mongo;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * MongoDB's awaitable hello: a monitor that already knows the current topology asks again with its
 * {@code topologyVersion} and {@code maxAwaitTimeMS}, and the server answers when the topology changes
 * or the time is up. This one-member set never changes, so the answer waits the whole time (on the
 * event loop's timer, no thread waits); without it a driver's monitor would ask in a busy loop.
 */
final class AwaitableHelloHandler extends ChannelInboundHandlerAdapter {

    private static final Set<String> HELLO = Set.of("hello", "isMaster", "ismaster");

    private final ReplicaSetMember member;

    AwaitableHelloHandler(ReplicaSetMember member) {
        this.member = member;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MongoMessage message) {
            Document command = message.getDocument();
            if (HELLO.contains(command.keySet().iterator().next()) && command.get("maxAwaitTimeMS") instanceof Number wait
                    && member.isCurrent(command.get("topologyVersion"))) {
                ctx.executor().schedule(() -> ctx.fireChannelRead(msg), wait.longValue(), TimeUnit.MILLISECONDS);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
