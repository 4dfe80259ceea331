package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.connection.ClusterType;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/** The server as drivers and operators see a one-member replica set's primary. */
class ReplicaSetTest {

    @AutoClose
    private final MongoFixture mongo = MongoFixture.withTestCommands();

    @Test
    void helloAndLegacyIsMasterDescribeThePrimaryAtTheAddressTheClientUses() {
        String me = "127.0.0.1:" + mongo.server.port();
        Document hello = mongo.db().runCommand(new Document("hello", 1));

        assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
        assertThat(hello.getString("setName")).isEqualTo("rs0");
        assertThat(hello.getList("hosts", String.class)).containsExactly(me);
        assertThat(hello.getString("primary")).isEqualTo(me);
        assertThat(hello.getString("me")).isEqualTo(me);
        assertThat(hello.getBoolean("secondary")).isFalse();
        assertThat(hello.getInteger("logicalSessionTimeoutMinutes")).isEqualTo(30);
        assertThat(hello.get("topologyVersion", Document.class).get("processId")).isInstanceOf(ObjectId.class);
        assertThat(hello.get("lastWrite", Document.class).get("lastWriteDate")).isInstanceOf(Date.class);
        assertThat(hello.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(9);

        Document isMaster = mongo.db().runCommand(new Document("isMaster", 1).append("helloOk", true));
        assertThat(isMaster.getBoolean("ismaster")).isTrue();
        assertThat(isMaster.getBoolean("helloOk")).isTrue();
        assertThat(isMaster.getString("setName")).isEqualTo("rs0");
    }

    @Test
    void driversSeeAReplicaSetWithSessionsAlsoWhenTheyDiscoverItFromAnotherName() {
        mongo.books().insertOne(new Document("_id", 1));
        assertThat(mongo.client.getClusterDescription().getType()).isEqualTo(ClusterType.REPLICA_SET);
        assertThat(mongo.client.getClusterDescription().getLogicalSessionTimeoutMinutes()).isEqualTo(30);

        try (MongoClient discovering = MongoClients.create("mongodb://localhost:" + mongo.server.port() + "/?replicaSet=rs0")) {
            assertThat(discovering.getDatabase("bookhub").getCollection("books").countDocuments()).isEqualTo(1);
            assertThat(discovering.getClusterDescription().getType()).isEqualTo(ClusterType.REPLICA_SET);
        }
    }

    @Test
    void aRetryableWriteIsRetriedWithTheSameSessionAndTxnNumberAfterAServerLabelledError() {
        List<BsonDocument> inserts = new CopyOnWriteArrayList<>();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("insert")) {
                    inserts.add(event.getCommand().clone());
                }
            }
        };
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.server.connectionString("bookhub")))
                .addCommandListener(listener).build())) {
            mongo.failCommand(new Document("times", 1), new Document("failCommands", List.of("insert")).append("errorCode", 91));

            client.getDatabase("bookhub").getCollection("books").insertOne(new Document("_id", 1));
        }

        assertThat(inserts).hasSize(2);
        assertThat(inserts.get(1).get("lsid")).isEqualTo(inserts.get(0).get("lsid")).isNotNull();
        assertThat(inserts.get(1).get("txnNumber")).isEqualTo(inserts.get(0).get("txnNumber")).isNotNull();
        assertThat(mongo.books().countDocuments()).isEqualTo(1);
    }

    @Test
    void aTransactionIsRefusedWithOperationNotSupportedInTransactionAndChangesNothing() {
        try (ClientSession session = mongo.client.startSession()) {
            session.startTransaction();
            assertThatThrownBy(() -> mongo.books().insertOne(session, new Document("_id", 1)))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(263);
                        assertThat(e.getErrorCodeName()).isEqualTo("OperationNotSupportedInTransaction");
                        assertThat(e.getErrorMessage()).startsWith("multi-document transactions are not supported");
                    });
            session.abortTransaction();
        }
        assertThat(mongo.books().countDocuments()).isZero();
    }

    @Test
    void replSetGetStatusAndConfigDescribeOneHealthyPrimary() {
        Document status = mongo.client.getDatabase("admin").runCommand(new Document("replSetGetStatus", 1));

        assertThat(status.getString("set")).isEqualTo("rs0");
        assertThat(status.getInteger("myState")).isEqualTo(1);
        Document member = status.getList("members", Document.class).get(0);
        assertThat(member.getString("stateStr")).isEqualTo("PRIMARY");
        assertThat(member.getString("name")).isEqualTo("127.0.0.1:" + mongo.server.port());
        assertThat(member.getBoolean("self")).isTrue();
        Document config = mongo.client.getDatabase("admin").runCommand(new Document("replSetGetConfig", 1)).get("config", Document.class);
        assertThat(config.getList("members", Document.class)).hasSize(1);
    }

    /** How an operator reads the oplog's time window: its first and last entry. */
    @Test
    void theOplogsFirstAndLastEntriesAreReadByNaturalOrder() {
        MongoCollection<Document> oplog = mongo.client.getDatabase("local").getCollection("oplog.rs");
        Document first = oplog.find().sort(Sorts.ascending("$natural")).limit(1).first();
        mongo.books().insertOne(new Document("_id", 1).append("title", "Dune"));
        Document last = oplog.find().sort(Sorts.descending("$natural")).limit(1).first();

        assertThat(first.get("ts")).isInstanceOf(BsonTimestamp.class);
        assertThat(first.get("wall")).isInstanceOf(Date.class);
        assertThat(first.getString("op")).isEqualTo("n");
        assertThat(last.getString("op")).isEqualTo("i");
        assertThat(last.getString("ns")).isEqualTo("bookhub.books");
        assertThat(last.get("o", Document.class)).isEqualTo(new Document("_id", 1).append("title", "Dune"));
        assertThat(last.get("ts", BsonTimestamp.class)).isGreaterThan(first.get("ts", BsonTimestamp.class));
        assertThat(oplog.find(new Document("op", "i")).into(new java.util.ArrayList<>())).hasSize(1);
    }

    @Test
    void anAwaitableHelloWaitsItsTimeWhenTheTopologyIsKnownAndAnswersAtOnceOtherwise() {
        Document known = mongo.db().runCommand(new Document("hello", 1)).get("topologyVersion", Document.class);

        long start = System.nanoTime();
        mongo.db().runCommand(new Document("hello", 1).append("topologyVersion", known).append("maxAwaitTimeMS", 300));
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);

        Document stale = new Document("processId", new ObjectId()).append("counter", 0L);
        start = System.nanoTime();
        mongo.db().runCommand(new Document("hello", 1).append("topologyVersion", stale).append("maxAwaitTimeMS", 10_000));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}
