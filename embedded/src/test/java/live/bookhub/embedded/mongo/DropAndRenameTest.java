package live.bookhub.embedded.mongo;

import static live.bookhub.embedded.mongo.ChangeEventShapeTest.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoNamespace;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;

class DropAndRenameTest {

    private MongoFixture mongo;

    @BeforeEach
    void start() {
        mongo = MongoFixture.inMemory();
        mongo.books().insertOne(new Document("_id", 1));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void droppingTheCollectionGivesDropThenInvalidateAndClosesTheStream() {
        try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            mongo.books().drop();

            ChangeStreamDocument<Document> drop = next(cursor);
            assertThat(drop.getOperationType()).isEqualTo(OperationType.DROP);
            assertThat(drop.getNamespace().getFullName()).isEqualTo("bookhub.books");
            assertThat(next(cursor).getOperationType()).isEqualTo(OperationType.INVALIDATE);
            assertThat(cursor.getServerCursor()).isNull();
        }
    }

    @Test
    void renamingTheCollectionGivesRenameThenInvalidate() {
        try (var cursor = mongo.books().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            mongo.books().renameCollection(new MongoNamespace("bookhub", "novels"));

            ChangeStreamDocument<Document> rename = next(cursor);
            assertThat(rename.getOperationType()).isEqualTo(OperationType.RENAME);
            assertThat(rename.getDestinationNamespace().getFullName()).isEqualTo("bookhub.novels");
            assertThat(next(cursor).getOperationType()).isEqualTo(OperationType.INVALIDATE);
        }
        assertThat(mongo.db().getCollection("novels").countDocuments()).isEqualTo(1);
    }

    @Test
    void aDatabaseStreamSeesEveryCollectionAndEndsWithDropDatabase() {
        try (var cursor = mongo.db().watch().maxAwaitTime(200, TimeUnit.MILLISECONDS).cursor()) {
            mongo.db().getCollection("orders").insertOne(new Document("_id", 9));
            mongo.db().drop();

            assertThat(next(cursor).getNamespace().getCollectionName()).isEqualTo("orders");
            OperationType type;
            do {
                type = next(cursor).getOperationType();
            } while (type == OperationType.DROP);
            assertThat(type).isEqualTo(OperationType.DROP_DATABASE);
            assertThat(next(cursor).getOperationType()).isEqualTo(OperationType.INVALIDATE);
        }
    }
}
