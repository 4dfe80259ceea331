package live.bookhub.watcher.stream;

import java.util.Date;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Checkpoints of each change stream's position, kept in MongoDB next to the data they describe
 * (collection {@code watcher_checkpoints}, one document per watched collection).
 */
@Component
public class ResumeTokenStore {

    static final String COLLECTION = "watcher_checkpoints";

    private final MongoCollection<Document> checkpoints;

    ResumeTokenStore(MongoClient mongo, WatcherProperties properties) {
        this.checkpoints = mongo.getDatabase(properties.database()).getCollection(COLLECTION);
    }

    public Optional<String> load(String source) {
        Document checkpoint = checkpoints.find(Filters.eq("_id", source)).first();
        return Optional.ofNullable(checkpoint).map(document -> document.getString("token"));
    }

    public void save(String source, String token) {
        checkpoints.replaceOne(Filters.eq("_id", source),
                new Document("_id", source).append("token", token).append("updatedAt", new Date()),
                new ReplaceOptions().upsert(true));
    }
}
