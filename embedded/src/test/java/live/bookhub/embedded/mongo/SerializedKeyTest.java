package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/** Index keys are stored and ordered exactly as the stock H2 index stores and orders them. */
class SerializedKeyTest {

    private final Random random = new Random(12);

    @Test
    void everyKindOfKeyIsStoredAsItsJavaSerializationAndReadsBack() {
        for (KeyValue key : keys()) {
            ByteBuffer stored = stored(key);
            assertThat(stored.get()).isEqualTo((byte) 19);
            byte[] bytes = new byte[DataUtils.readVarInt(stored)];
            stored.get(bytes);
            assertThat(bytes).as("key %s", key).isEqualTo(ObjectDataType.serialize(key));
            assertThat(SerializedKey.Type.INSTANCE.read(stored(key)).keyValue()).isEqualTo(key);
        }
    }

    @Test
    void keysCompareInTheStockOrder() {
        List<KeyValue> keys = keys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int stock = ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
                int ours = SerializedKey.Type.INSTANCE.compare(SerializedKey.of(a), SerializedKey.of(b));
                assertThat(Integer.signum(ours)).as("%s vs %s", a, b).isEqualTo(stock);
            }
        }
    }

    private List<KeyValue> keys() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] id = new byte[12];
            random.nextBytes(id);
            keys.add(new KeyValue(new ObjectId(id)));
        }
        keys.add(new KeyValue((Object) null));
        keys.add(new KeyValue("978-0-00-000000-" + random.nextInt(10)));
        keys.add(new KeyValue(42.0));
        keys.add(new KeyValue(new ObjectId(), "two fields"));
        keys.add(new KeyValue(new Document("nested", new ObjectId())));
        return keys;
    }

    private static ByteBuffer stored(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        SerializedKey.Type.INSTANCE.write(buffer, SerializedKey.of(key));
        return buffer.getBuffer().flip();
    }
}
