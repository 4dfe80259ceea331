package live.bookhub.watcher.stream;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Checkpoints of each change stream's position, kept in MongoDB next to the data they describe
 * (collection {@code watcher_checkpoints}, one document per watched collection). Their age is a metric:
 * a leader whose checkpoints grow old is about to fall off the oplog.
 */
@Component
public class ResumeTokenStore {

    static final String COLLECTION = "watcher_checkpoints";

    private final MongoCollection<Document> checkpoints;
    private final Map<String, Long> savedAtMillis = new ConcurrentHashMap<>();

    ResumeTokenStore(MongoClient mongo, WatcherProperties properties, MeterRegistry meters) {
        this.checkpoints = mongo.getDatabase(properties.database()).getCollection(COLLECTION);
        for (String source : properties.collections()) {
            Gauge.builder("bookhub.watcher.checkpoint.age", () -> ageSeconds(source))
                    .description("Time since this replica last stored the change stream's position (NaN: never)")
                    .tag("collection", source)
                    .baseUnit("seconds")
                    .register(meters);
        }
    }

    public Optional<String> load(String source) {
        Document checkpoint = checkpoints.find(Filters.eq("_id", source)).first();
        return Optional.ofNullable(checkpoint).map(document -> document.getString("token"));
    }

    public void save(String source, String token) {
        long now = System.currentTimeMillis();
        checkpoints.replaceOne(Filters.eq("_id", source),
                new Document("_id", source).append("token", token).append("updatedAt", new Date(now)),
                new ReplaceOptions().upsert(true));
        savedAtMillis.put(source, now);
    }

    private double ageSeconds(String source) {
        Long savedAt = savedAtMillis.get(source);
        return savedAt == null ? Double.NaN : (System.currentTimeMillis() - savedAt) / 1000.0;
    }
}
