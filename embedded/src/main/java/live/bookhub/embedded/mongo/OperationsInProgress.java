package live.bookhub.embedded.mongo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import live.bookhub.embedded.mongo.pipeline.DocumentPipeline;

/**
 * The commands this server is executing now, as MongoDB's {@code $currentOp} (what mongosh's
 * {@code db.currentOp()} runs) lists them: each one registered, by a handler in front of the request
 * handler, from its start to its reply. Operations cannot be interrupted: {@code killOp} is refused.
 */
final class OperationsInProgress {

    private static final String STAGE = "$currentOp";
    /** The document sequences of a write, left out: a batch can hold thousands of documents. */
    private static final Set<String> SEQUENCES = Set.of("documents", "updates", "deletes");
    /** Commands whose operation MongoDB shows under their collection's namespace, not the database's $cmd. */
    private static final Set<String> ON_A_COLLECTION = Set.of("find", "insert", "update", "delete", "findAndModify", "aggregate",
            "count", "distinct", "create", "drop", "collMod", "createIndexes", "listIndexes", "dropIndexes", "getMore");
    private static final Map<String, String> OP_TYPES = Map.of("find", "query", "insert", "insert", "update", "update",
            "delete", "remove", "getMore", "getmore");

    /** @param command the command as received, without a write's document sequences, copied: the backend changes some */
    private record Operation(long opid, Channel channel, String database, Document command, long startNanos) {

        static Operation of(long opid, Channel channel, MongoMessage message) {
            Document shown = new Document();
            message.getDocument().forEach((field, value) -> {
                if (!SEQUENCES.contains(field)) {
                    shown.append(field, value);
                }
            });
            return new Operation(opid, channel, message.getDatabaseName(), shown.cloneDeeply(), System.nanoTime());
        }

        Document describe(Clock clock, int connectionId) {
            String name = command.keySet().iterator().next();
            long micros = (System.nanoTime() - startNanos) / 1000;
            Document op = new Document("type", "op").append("desc", "conn" + connectionId).append("connectionId", connectionId)
                    .append("client", String.valueOf(channel.remoteAddress()).replaceFirst("^/", "")).append("active", true)
                    .append("currentOpTime", clock.instant().toString())
                    .append("opid", opid).append("secs_running", micros / 1_000_000).append("microsecs_running", micros)
                    .append("op", OP_TYPES.getOrDefault(name, "command"))
                    .append("ns", namespace(name))
                    .append("command", command).append("waitingForLock", false);
            if (command.get("lsid") != null) {
                op.append("lsid", command.get("lsid"));
            }
            return op;
        }

        private String namespace(String name) {
            Object collection = name.equals("getMore") ? command.get("collection") : command.get(name);
            return database + "." + (ON_A_COLLECTION.contains(name) && collection instanceof String ? collection : "$cmd");
        }
    }

    private final AtomicLong opids = new AtomicLong();
    private final ConcurrentMap<Long, Operation> running = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ToIntFunction<Channel> connectionIds;

    OperationsInProgress(Clock clock, ToIntFunction<Channel> connectionIds) {
        this.clock = clock;
        this.connectionIds = connectionIds;
    }

    /** Whether {@code command} on {@code databaseName} is answered here: $currentOp, currentOp, killOp. */
    static boolean handles(String databaseName, String command, Document query) {
        return databaseName.equals("admin") && (command.equals("currentOp") || command.equals("killOp")
                || command.equals("aggregate") && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                && pipeline.get(0) instanceof Document first && first.containsKey(STAGE));
    }

    Document handle(String command, Document query) {
        return switch (command) {
            case "aggregate" -> {
                List<?> pipeline = (List<?>) query.get("pipeline");
                List<Document> operations = apply(pipeline.subList(1, pipeline.size()));
                yield new Document("cursor", new Document("id", 0L).append("ns", "admin.$cmd.aggregate")
                        .append("firstBatch", operations)).append("ok", 1.0);
            }
            case "currentOp" -> new Document("inprog", apply(List.of(new Document("$match", filter(query))))).append("ok", 1.0);
            default -> throw new MongoServerError(115, "CommandNotSupported", "killOp is not supported by this server:"
                    + " an operation under way cannot be interrupted (op " + query.get("op") + " runs to its end)");
        };
    }

    /** The handler that registers each request of one connection while the next handlers execute it. */
    ChannelInboundHandlerAdapter handler() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!(msg instanceof MongoMessage message) || message.getDocument().isEmpty()) {
                    ctx.fireChannelRead(msg);
                    return;
                }
                long opid = opids.incrementAndGet();
                running.put(opid, Operation.of(opid, ctx.channel(), message));
                try {
                    ctx.fireChannelRead(msg);
                } finally {
                    running.remove(opid);
                }
            }
        };
    }

    private List<Document> apply(List<?> stages) {
        List<Document> pipeline = new ArrayList<>();
        for (Object stage : stages) {
            if (!(stage instanceof Document document)) {
                throw new MongoServerError(14, "TypeMismatch", "each element of the pipeline must be an object");
            }
            if (document.containsKey(STAGE)) {
                throw new MongoServerError(40602, STAGE + " is only valid as the first stage in a pipeline");
            }
            pipeline.add(document);
        }
        List<Document> operations = running.values().stream()
                .map(operation -> operation.describe(clock, connectionIds.applyAsInt(operation.channel()))).toList();
        return DocumentPipeline.forDocuments(pipeline).apply(operations.stream()).toList();
    }

    /** The legacy currentOp command's filter: its fields but the options. */
    private static Document filter(Document query) {
        Document filter = new Document();
        query.forEach((field, value) -> {
            if (!field.equals("currentOp") && !field.startsWith("$") && !field.equals("lsid")) {
                filter.append(field, value);
            }
        });
        return filter;
    }
}
