package live.bookhub.watcher.leader;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The leader lease in MongoDB (collection {@code watcher_leases}, one document): taken when free or
 * expired, renewed only by its holder in the same term. Every operation is a single-document atomic
 * update, so two replicas can never both win a term. Each call gives up after one renew interval, so a
 * MongoDB that is away cannot hold the election loop past the leader's publish window.
 */
@Component
public class LeaseStore {

    static final String COLLECTION = "watcher_leases";
    static final String LEASE_ID = "change-watcher";

    private final MongoCollection<Document> leases;
    private final Duration ttl;

    LeaseStore(MongoClient mongo, WatcherProperties properties) {
        this.leases = mongo.getDatabase(properties.database()).getCollection(COLLECTION)
                .withTimeout(properties.leaseRenewInterval().toMillis(), TimeUnit.MILLISECONDS);
        this.ttl = properties.leaseTtl();
    }

    /** Takes the lease in a new term if it is free, expired or already ours; empty when another replica holds it. */
    public Optional<Lease> acquire(String replica, Instant now) {
        Document taken = leases.findOneAndUpdate(
                Filters.and(Filters.eq("_id", LEASE_ID),
                        Filters.or(Filters.eq("holder", replica), Filters.lte("expiresAt", Date.from(now)))),
                Updates.combine(term(replica, now), Updates.inc("epoch", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (taken != null) {
            return Optional.of(toLease(taken));
        }
        try {
            leases.insertOne(new Document("_id", LEASE_ID).append("holder", replica).append("epoch", 1L)
                    .append("expiresAt", Date.from(now.plus(ttl))).append("renewedAt", Date.from(now)));
            return Optional.of(new Lease(replica, 1, now.plus(ttl)));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty(); // the lease exists and is held by another replica
            }
            throw e;
        }
    }

    /** Extends the lease if it is still ours in this term; empty when it was taken over. */
    public Optional<Lease> renew(String replica, long epoch, Instant now) {
        Document renewed = leases.findOneAndUpdate(ours(replica, epoch), term(replica, now),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(renewed).map(LeaseStore::toLease);
    }

    /** Moves this term on to a later epoch, if the lease is still ours in {@code epoch}; empty when it was taken over. */
    public Optional<Lease> advance(String replica, long epoch, long laterEpoch) {
        Document advanced = leases.findOneAndUpdate(ours(replica, epoch), Updates.set("epoch", laterEpoch),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(advanced).map(LeaseStore::toLease);
    }

    /** Lets a standby take over at once, on a clean shutdown. */
    public void release(String replica, long epoch, Instant now) {
        leases.updateOne(ours(replica, epoch), Updates.set("expiresAt", Date.from(now)));
    }

    public Optional<Lease> current() {
        return Optional.ofNullable(leases.find(Filters.eq("_id", LEASE_ID)).first()).map(LeaseStore::toLease);
    }

    private static Bson ours(String replica, long epoch) {
        return Filters.and(Filters.eq("_id", LEASE_ID), Filters.eq("holder", replica), Filters.eq("epoch", epoch));
    }

    private Bson term(String replica, Instant now) {
        return Updates.combine(Updates.set("holder", replica), Updates.set("expiresAt", Date.from(now.plus(ttl))),
                Updates.set("renewedAt", Date.from(now)));
    }

    private static Lease toLease(Document document) {
        return new Lease(document.getString("holder"), ((Number) document.get("epoch")).longValue(),
                document.getDate("expiresAt").toInstant());
    }
}
