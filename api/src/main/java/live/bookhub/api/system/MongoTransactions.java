package live.bookhub.api.system;

import java.util.function.Function;

import com.mongodb.MongoCommandException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Multi-document transactions where the deployment runs them. A replica set or a sharded cluster
 * normally does; a standalone mongod has none, and the embedded server is a replica set that refuses
 * them (OperationNotSupportedInTransaction). So the answer comes from trying one: a read in a
 * transaction, aborted. It is asked at start and logged with its reason; callers compensate where it is no.
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

    /** Asked once: at start, or on first use when MongoDB could not be reached then. */
    public boolean supported() {
        Boolean known = supported;
        if (known == null) {
            known = tryOne();
            supported = known;
        }
        return known;
    }

    /** Runs {@code work} in one transaction, retried by the driver on transient errors (write conflicts). */
    public <T> T inTransaction(Function<MongoOperations, T> work) {
        try (ClientSession session = client.startSession()) {
            return session.withTransaction(() -> work.apply(mongo.withSession(session)));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportAtStart() {
        try {
            supported();
        } catch (RuntimeException e) {
            log.warn("could not ask MongoDB whether it runs transactions ({}): asking again on the first checkout", e.toString());
        }
    }

    private boolean tryOne() {
        mongo.executeCommand("{ping: 1}");
        ClusterType type = client.getClusterDescription().getType();
        if (type != ClusterType.REPLICA_SET && type != ClusterType.SHARDED) {
            log.info("MongoDB deployment is {}, which has no multi-document transactions: multi-document writes run"
                    + " with compensation", type);
            return false;
        }
        try (ClientSession session = client.startSession()) {
            session.startTransaction();
            mongo.getDb().getCollection("books").find(session).limit(1).first();
            session.abortTransaction();
        } catch (MongoCommandException e) {
            log.warn("MongoDB deployment is {} but refuses transactions ({} {}: {}): multi-document writes run with"
                    + " compensation", type, e.getErrorCode(), e.getErrorCodeName(), e.getErrorMessage());
            return false;
        }
        log.info("MongoDB deployment is {}: multi-document writes run in transactions", type);
        return true;
    }
}
