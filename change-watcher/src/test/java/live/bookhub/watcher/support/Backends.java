package live.bookhub.watcher.support;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import live.bookhub.embedded.EmbeddedMongo;
import live.bookhub.embedded.EmbeddedRedis;
import live.bookhub.embedded.FreePorts;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.EventStream;
import tools.jackson.databind.JsonNode;

/**
 * A real MongoDB-wire server (the embedded one, in memory, optionally with a small oplog, or a real
 * MongoDB given by its URI) and a real redis-server, on free ports, with clients to write documents
 * and read the event stream.
 */
public final class Backends implements AutoCloseable {

    /** {@code null} when the tests run against a MongoDB of their own. */
    private final EmbeddedMongo mongo;
    private final String mongoUri;
    private final EmbeddedRedis redis;
    private final MongoClient mongoClient;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redisConnection;

    private Backends(EmbeddedMongo mongo, String mongoUri) {
        this.mongo = mongo;
        this.mongoUri = mongoUri;
        this.redis = EmbeddedRedis.start(FreePorts.next(), null);
        this.mongoClient = MongoClients.create(mongoUri);
        this.redisClient = RedisClient.create(redis.uri());
        this.redisConnection = redisClient.connect();
    }

    public static Backends start() {
        return embedded(EmbeddedMongo.Options.defaults());
    }

    public static Backends withOplogOf(long bytes) {
        return embedded(EmbeddedMongo.Options.defaults().withOplogMaxSizeBytes(bytes));
    }

    /** The embedded server with test commands: {@code configureFailPoint} injects MongoDB's errors. */
    public static Backends withFailPoints() {
        return embedded(EmbeddedMongo.Options.defaults().withTestCommands());
    }

    /** A real MongoDB deployment (e.g. a Testcontainers replica set) instead of the embedded server. */
    public static Backends withMongo(String mongoUri) {
        return new Backends(null, mongoUri);
    }

    private static Backends embedded(EmbeddedMongo.Options options) {
        EmbeddedMongo mongo = EmbeddedMongo.start(0, null, options);
        return new Backends(mongo, mongo.connectionString("bookhub"));
    }

    public String mongoUri() {
        return mongoUri;
    }

    public String redisUri() {
        return redis.uri();
    }

    public MongoDatabase db() {
        return mongoClient.getDatabase("bookhub");
    }

    /** The admin database, where fail points are configured. */
    public MongoDatabase admin() {
        return mongoClient.getDatabase("admin");
    }

    /** The redis-server itself, to stop and start it. */
    public EmbeddedRedis redisServer() {
        return redis;
    }

    public RedisCommands<String, String> redis() {
        return redisConnection.sync();
    }

    /** The envelopes in the Redis stream, oldest first, each with its stream id. */
    public List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (StreamMessage<String, String> entry : redis().xrange(EventStream.KEY, io.lettuce.core.Range.create("-", "+"))) {
            String json = EnvelopeCodec.withId(entry.getBody().get(EventStream.ENVELOPE_FIELD), entry.getId());
            events.add(EnvelopeCodec.mapper().readTree(json));
        }
        return events;
    }

    public List<JsonNode> events(String type) {
        return events().stream().filter(event -> event.path("type").asString().equals(type)).toList();
    }

    @Override
    public void close() {
        redisConnection.close();
        redisClient.shutdown();
        mongoClient.close();
        redis.close();
        if (mongo != null) {
            mongo.close();
        }
    }
}
