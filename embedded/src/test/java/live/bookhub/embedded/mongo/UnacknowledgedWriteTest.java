package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import live.bookhub.embedded.EmbeddedMongo;

/** Writes with {@code w: 0}, which drivers send as OP_MSG with {@code moreToCome}: applied, and never answered. */
class UnacknowledgedWriteTest {

    @Test
    void unacknowledgedWritesApplyInOrderAndTheConnectionAnswersTheNextRequestWithItsOwnReply() {
        try (EmbeddedMongo server = EmbeddedMongo.start(0, null);
             // one connection: every request below goes over it, in order
             MongoClient client = MongoClients.create(server.connectionString("bookhub") + "?maxPoolSize=1")) {
            MongoCollection<Document> books = client.getDatabase("bookhub").getCollection("books");
            MongoCollection<Document> unacknowledged = books.withWriteConcern(WriteConcern.UNACKNOWLEDGED);

            unacknowledged.insertMany(List.of(new Document("_id", 1).append("stock", 1), new Document("_id", 2).append("stock", 1)));
            unacknowledged.insertOne(new Document("_id", 1).append("stock", 99)); // a duplicate: its error reply must not reach the client
            unacknowledged.updateMany(Filters.empty(), Updates.inc("stock", 1));
            unacknowledged.deleteOne(Filters.eq("_id", 2));

            // acknowledged, on the same connection: had a reply to the writes above been sent, the driver would read it here
            books.insertOne(new Document("_id", 3).append("stock", 0));
            assertThat(books.find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                    .containsExactly(new Document("_id", 1).append("stock", 2), new Document("_id", 3).append("stock", 0));
        }
    }
}
