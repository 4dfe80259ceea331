package live.bookhub.embedded.mongo;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Gives change-stream getMores MongoDB's awaitData behaviour without blocking a thread.
 * <p>
 * mongo-java-server answers every request synchronously on the channel's Netty event loop, which
 * many channels share, so waiting there would stall them all; a separate thread pool would only
 * move the problem to its size. Instead this handler sits in front of the stock
 * MongoDatabaseHandler and holds back a getMore that has nothing to return: it parks the request
 * (no thread waits), and passes it on, on the channel's own event loop, as soon as the oplog has a
 * new entry the stream shows, or when the request's maxTimeMS (default 1 s) is up. The client
 * sends nothing else on that connection while its getMore is pending, so holding it back reorders
 * nothing.
 */
final class AwaitDataHandler extends ChannelInboundHandlerAdapter {

    private static final long DEFAULT_MAX_TIME_MS = 1000;

    private final OplogH2Backend backend;

    AwaitDataHandler(OplogH2Backend backend) {
        this.backend = backend;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MongoMessage message && message.getDocument().keySet().iterator().next().equals("getMore")) {
            Document getMore = message.getDocument();
            ChangeStreamCursor cursor = backend.changeStreamCursor(((Number) getMore.get("getMore")).longValue());
            if (cursor != null) {
                long maxTimeMs = getMore.get("maxTimeMS") instanceof Number number ? number.longValue() : DEFAULT_MAX_TIME_MS;
                new PendingGetMore(ctx, message, cursor, ChangeStreams.nextBatchLimit(getMore.get("batchSize")),
                        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxTimeMs)).answerWhenReady();
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** One held-back getMore; all its methods but {@link #run()} run on the channel's event loop. */
    private final class PendingGetMore implements Runnable {

        private final ChannelHandlerContext ctx;
        private final MongoMessage message;
        private final ChangeStreamCursor cursor;
        private final int batchLimit;
        private final long deadlineNanos;
        private final AtomicBoolean woken = new AtomicBoolean();
        private ScheduledFuture<?> timeout;

        PendingGetMore(ChannelHandlerContext ctx, MongoMessage message, ChangeStreamCursor cursor, int batchLimit,
                       long deadlineNanos) {
            this.ctx = ctx;
            this.message = message;
            this.cursor = cursor;
            this.batchLimit = batchLimit;
            this.deadlineNanos = deadlineNanos;
        }

        void answerWhenReady() {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0 || !ctx.channel().isActive() || hasAnswer()) {
                ctx.fireChannelRead(message);
                return;
            }
            woken.set(false);
            timeout = ctx.executor().schedule(this::wake, remaining, TimeUnit.NANOSECONDS);
            backend.boundedOplog().onNextAppend(this);
            if (cursor.isBehind()) {
                run(); // an entry arrived between the read above and listening
            }
        }

        /** Oplog append listener: runs on the writer's thread, so only hands over to the event loop. */
        @Override
        public void run() {
            ctx.executor().execute(this::wake);
        }

        private void wake() {
            if (woken.compareAndSet(false, true)) {
                timeout.cancel(false);
                backend.boundedOplog().removeAppendListener(this);
                answerWhenReady();
            }
        }

        /** Errors (history lost, say) are for the getMore itself to report, so they mean "answer now". */
        private boolean hasAnswer() {
            try {
                return cursor.hasAnswer(batchLimit);
            } catch (RuntimeException e) {
                return true;
            }
        }
    }
}
