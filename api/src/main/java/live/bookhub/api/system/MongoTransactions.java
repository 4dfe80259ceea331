package live.bookhub.api.system;

import java.util.function.Function;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Multi-document transactions where the deployment has them: a replica set or a sharded cluster.
 * The embedded server and a standalone mongod have none; callers then compensate instead.
 */
@Component
public class MongoTransactions {

    private static final Logger log = LoggerFactory.getLogger(MongoTransactions.class);

    private final MongoClient client;
    private final MongoTemplate mongo;
    private volatile Boolean supported;

    MongoTransactions(MongoClient client, MongoTemplate mongo) {
        this.client = client;
        this.mongo = mongo;
    }

    /** Asked on first use: the driver knows the cluster's type once it has talked to it. */
    public boolean supported() {
        Boolean known = supported;
        if (known == null) {
            mongo.executeCommand("{ping: 1}");
            ClusterType type = client.getClusterDescription().getType();
            known = type == ClusterType.REPLICA_SET || type == ClusterType.SHARDED;
            supported = known;
            log.info("MongoDB deployment is {}: multi-document writes run {}", type,
                    known ? "in transactions" : "with compensation");
        }
        return known;
    }

    /** Runs {@code work} in one transaction, retried by the driver on transient errors (write conflicts). */
    public <T> T inTransaction(Function<MongoOperations, T> work) {
        try (ClientSession session = client.startSession()) {
            return session.withTransaction(() -> work.apply(mongo.withSession(session)));
        }
    }
}
