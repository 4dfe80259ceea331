package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ServerCommandsTest {

    @AutoClose
    private final MongoFixture mongo = MongoFixture.inMemory();

    @Test
    void answersHelloAsAWritablePrimaryWithAWireVersionMongoshAccepts() {
        Document hello = mongo.db().runCommand(new Document("hello", 1));

        assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
        assertThat(hello.getInteger("maxWireVersion")).isGreaterThanOrEqualTo(9);
        assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
    }
}
