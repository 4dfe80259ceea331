package live.bookhub.embedded.mongo;

import java.nio.file.Path;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import live.bookhub.embedded.EmbeddedMongo;

/** An embedded server on a random port and a driver client connected to it. */
final class MongoFixture implements AutoCloseable {

    final EmbeddedMongo server;
    final MongoClient client;

    private MongoFixture(EmbeddedMongo server) {
        this.server = server;
        this.client = MongoClients.create(server.connectionString("bookhub"));
    }

    static MongoFixture inMemory() {
        return new MongoFixture(EmbeddedMongo.start(0, null));
    }

    /** In memory, with {@code configureFailPoint}. */
    static MongoFixture withTestCommands() {
        return new MongoFixture(EmbeddedMongo.start(0, null, EmbeddedMongo.Options.defaults().withTestCommands()));
    }

    static MongoFixture start(Path dataDir, EmbeddedMongo.Options options) {
        return new MongoFixture(EmbeddedMongo.start(0, dataDir, options));
    }

    MongoDatabase db() {
        return client.getDatabase("bookhub");
    }

    MongoCollection<Document> books() {
        return db().getCollection("books");
    }

    /** Turns the failCommand fail point on in {@code mode} with {@code data}; returns the reply. */
    Document failCommand(Object mode, Document data) {
        return client.getDatabase("admin").runCommand(new Document("configureFailPoint", "failCommand")
                .append("mode", mode).append("data", data));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
