package live.bookhub.embedded.mongo;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * What this server says about itself: the primary of a one-member replica set, so that drivers and
 * mongosh treat it as they treat a production deployment (sessions, retryable writes, change streams
 * on a replica set). Its member address is the one each client reached it at, as a replica set's
 * config names the address clients use: a driver that discovers the set connects to the hosts listed.
 */
final class ReplicaSetMember {

    static final String SET_NAME = "rs0";
    /** Sessions expire after 30 minutes on MongoDB; drivers only need the field to use sessions at all. */
    private static final int SESSION_TIMEOUT_MINUTES = 30;
    private static final long TERM = 1;
    private static final AttributeKey<Integer> CONNECTION_ID = AttributeKey.valueOf("bookhub.connectionId");

    private final OplogStore oplog;
    private final Clock clock;
    private final Instant started;
    /** Changes when the server restarts, as MongoDB's does: a client's awaited hello then answers at once. */
    private final ObjectId processId = new ObjectId();
    private final AtomicInteger connections = new AtomicInteger();

    ReplicaSetMember(OplogStore oplog, Clock clock) {
        this.oplog = oplog;
        this.clock = clock;
        this.started = clock.instant();
    }

    /**
     * Turns mongo-java-server's standalone {@code isMaster} reply into a primary's {@code hello} (or legacy
     * {@code isMaster}, which says {@code ismaster} where hello says {@code isWritablePrimary}).
     */
    Document hello(Document standalone, Document request, Channel channel, boolean legacy) {
        String me = address(channel);
        Document reply = new Document("topologyVersion", topologyVersion());
        if (legacy) {
            reply.append("ismaster", true);
            if (Boolean.TRUE.equals(request.get("helloOk"))) {
                reply.append("helloOk", true);
            }
        } else {
            reply.append("isWritablePrimary", true);
        }
        reply.append("hosts", List.of(me)).append("setName", SET_NAME).append("setVersion", 1)
                .append("secondary", false).append("primary", me).append("me", me)
                .append("electionId", new ObjectId("7fffffff0000000000000001"))
                .append("lastWrite", lastWrite())
                .append("maxBsonObjectSize", standalone.get("maxBsonObjectSize"))
                .append("maxMessageSizeBytes", standalone.get("maxMessageSizeBytes"))
                .append("maxWriteBatchSize", standalone.get("maxWriteBatchSize"))
                .append("localTime", clock.instant())
                .append("logicalSessionTimeoutMinutes", SESSION_TIMEOUT_MINUTES)
                .append("connectionId", connectionId(channel))
                .append("minWireVersion", standalone.get("minWireVersion"))
                .append("maxWireVersion", standalone.get("maxWireVersion"))
                .append("readOnly", false)
                .append("ok", 1.0);
        return reply;
    }

    /** Whether an awaitable hello ({@code topologyVersion} + {@code maxAwaitTimeMS}) knows the current topology. */
    boolean isCurrent(Object topologyVersion) {
        return topologyVersion instanceof Document version && processId.equals(version.get("processId"));
    }

    Document replSetGetStatus(Channel channel) {
        Instant now = clock.instant();
        Document opTime = opTime();
        Instant lastWall = lastWall();
        return new Document("set", SET_NAME).append("date", now).append("myState", 1).append("term", TERM)
                .append("syncSourceHost", "").append("syncSourceId", -1).append("heartbeatIntervalMillis", 2000L)
                .append("majorityVoteCount", 1).append("writeMajorityCount", 1).append("votingMembersCount", 1)
                .append("writableVotingMembersCount", 1)
                .append("optimes", new Document("lastCommittedOpTime", opTime).append("lastCommittedWallTime", lastWall)
                        .append("readConcernMajorityOpTime", opTime).append("appliedOpTime", opTime)
                        .append("durableOpTime", opTime).append("lastAppliedWallTime", lastWall)
                        .append("lastDurableWallTime", lastWall))
                .append("members", List.of(new Document("_id", 0).append("name", address(channel)).append("health", 1.0)
                        .append("state", 1).append("stateStr", "PRIMARY")
                        .append("uptime", (int) (now.getEpochSecond() - started.getEpochSecond()))
                        .append("optime", opTime).append("optimeDate", lastWall).append("lastAppliedWallTime", lastWall)
                        .append("lastDurableWallTime", lastWall).append("syncSourceHost", "").append("syncSourceId", -1)
                        .append("infoMessage", "").append("electionTime", new BsonTimestamp(oplog.first()))
                        .append("electionDate", started).append("configVersion", 1).append("configTerm", TERM)
                        .append("self", true).append("lastHeartbeatMessage", "")))
                .append("ok", 1.0);
    }

    Document replSetGetConfig(Channel channel) {
        Document member = new Document("_id", 0).append("host", address(channel)).append("arbiterOnly", false)
                .append("buildIndexes", true).append("hidden", false).append("priority", 1.0).append("tags", new Document())
                .append("secondaryDelaySecs", 0L).append("votes", 1);
        return new Document("config", new Document("_id", SET_NAME).append("version", 1).append("term", TERM)
                .append("members", List.of(member)).append("protocolVersion", 1L)
                .append("writeConcernMajorityJournalDefault", true))
                .append("ok", 1.0);
    }

    Document topologyVersion() {
        return new Document("processId", processId).append("counter", 0L);
    }

    private Document lastWrite() {
        Instant wall = lastWall();
        return new Document("opTime", opTime()).append("lastWriteDate", wall)
                .append("majorityOpTime", opTime()).append("majorityWriteDate", wall);
    }

    private Document opTime() {
        return new Document("ts", new BsonTimestamp(oplog.last())).append("t", TERM);
    }

    private Instant lastWall() {
        return oplog.get(oplog.last()).wall();
    }

    /** The id hello gives this connection, given on its first use (a hello, or a command counted in $currentOp). */
    int connectionId(Channel channel) {
        Integer id = channel.attr(CONNECTION_ID).get();
        if (id == null) {
            id = connections.incrementAndGet();
            channel.attr(CONNECTION_ID).set(id);
        }
        return id;
    }

    /** host:port as the client reached this server; IPv6 in brackets. */
    private static String address(Channel channel) {
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        String host = local.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + local.getPort();
    }
}
