package live.bookhub.watcher.headroom;

import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reads the oplog's bounds as on any replica set: the first and the last entry of
 * {@code local.oplog.rs} in natural (insertion) order, which is oplog order; only their {@code ts}.
 * Needs read access to the {@code local} database (the {@code clusterMonitor} role gives it).
 */
@Component
class OplogBounds {

    private final MongoCollection<Document> oplog;

    OplogBounds(MongoClient mongo) {
        this.oplog = mongo.getDatabase("local").getCollection("oplog.rs");
    }

    /** Empty when the deployment has no oplog (a standalone server) or it holds no entry. */
    Optional<OplogWindow> read() {
        Optional<BsonTimestamp> oldest = edge(1);
        Optional<BsonTimestamp> newest = edge(-1);
        if (oldest.isEmpty() || newest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OplogWindow(oldest.get(), newest.get()));
    }

    private Optional<BsonTimestamp> edge(int direction) {
        Document entry = oplog.find().sort(new Document("$natural", direction))
                .projection(Projections.include("ts")).limit(1).first();
        return Optional.ofNullable(entry).map(document -> document.get("ts", BsonTimestamp.class));
    }
}
