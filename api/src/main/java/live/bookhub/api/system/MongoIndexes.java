package live.bookhub.api.system;

import java.time.Duration;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes before the server takes requests: the unique ones are what really keeps
 * ISBNs, usernames and emails unique under concurrent writes; the others serve search and sort,
 * and the TTL ones ({@code expireAfterSeconds: 0}) let MongoDB remove refresh token families and
 * login counters once their {@code expiresAt} has passed (the api checks expiry itself as well).
 * Creating an existing index is a no-op, so this runs on every start. Books also keep change-stream
 * pre-images.
 */
@Component
class MongoIndexes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private final MongoTemplate mongo;

    MongoIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * A deleted book's change event carries the book as it was only where the collection keeps pre-images
     * (MongoDB 6.0+): then book:deleted tells clients its title and author, not just its id.
     */
    private void keepPreImagesOfBooks() {
        try {
            mongo.executeCommand(new Document("collMod", "books")
                    .append("changeStreamPreAndPostImages", new Document("enabled", true)));
        } catch (DataAccessException e) {
            log.warn("books keep no pre-images ({}): book:deleted events will carry the id only", e.getMessage());
        }
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations books = mongo.indexOps("books");
        // Sparse: books without an ISBN do not collide with each other.
        books.createIndex(new Index("isbn", Direction.ASC).named("isbn").unique().sparse());
        for (String field : new String[] {"title", "author", "genre", "price", "year", "stock", "createdAt"}) {
            books.createIndex(new Index(field, Direction.ASC).named(field));
        }
        IndexOperations users = mongo.indexOps("users");
        users.createIndex(new Index("username", Direction.ASC).named("username").unique());
        users.createIndex(new Index("email", Direction.ASC).named("email").unique());
        // Held by the first admin only (the others lack the field): no second sign-up can claim it.
        users.createIndex(new Index("firstAdmin", Direction.ASC).named("firstAdmin").unique().sparse());
        IndexOperations refreshTokens = mongo.indexOps("refresh_tokens");
        refreshTokens.createIndex(new Index("userId", Direction.ASC).named("userId"));
        refreshTokens.createIndex(new Index("expiresAt", Direction.ASC).named("expiresAt").expire(Duration.ZERO));
        mongo.indexOps("login_attempts")
                .createIndex(new Index("expiresAt", Direction.ASC).named("expiresAt").expire(Duration.ZERO));
        IndexOperations orders = mongo.indexOps("orders");
        orders.createIndex(new Index("userId", Direction.ASC).on("createdAt", Direction.DESC).named("userId_createdAt"));
        orders.createIndex(new Index("status", Direction.ASC).named("status"));
        orders.createIndex(new Index("createdAt", Direction.DESC).named("createdAt"));
        keepPreImagesOfBooks();
        log.info("MongoDB indexes of books, users, orders, refresh_tokens and login_attempts are in place");
    }
}
