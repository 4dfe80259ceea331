package live.bookhub.embedded.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The type of stored {@code _id}s, the keys of a collection's data map and the values (positions) of its
 * unique indexes: H2's {@link ObjectDataType}, the stock one, with the usual ObjectIds taken the short
 * way: compared without detecting their type on every comparison of a lookup, and written and read
 * through {@link ObjectIdTemplate} instead of Java serialization when the store writes or reloads a
 * page. Same order and same bytes.
 */
final class DocumentIdType extends ObjectDataType {

    /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}: how the stock type tags an ObjectId. */
    private static final byte SERIALIZED_OBJECT = 19;
    private static final ObjectIdTemplate OBJECT_ID = new ObjectIdTemplate(id -> id);

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof ObjectId x && b instanceof ObjectId y && x.getClass() == ObjectId.class && y.getClass() == ObjectId.class) {
            return x.compareTo(y); // what the stock type ends at for two Comparables of one class
        }
        return super.compare(a, b);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key != null && key.getClass() == ObjectId.class) {
            byte[] bytes = OBJECT_ID.serialize((ObjectId) key);
            buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
        } else {
            super.write(buffer, key);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != SERIALIZED_OBJECT) {
            return super.read(buffer);
        }
        buffer.get();
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        ObjectId id = OBJECT_ID.idIn(bytes);
        return id != null ? id : ObjectDataType.deserialize(bytes);
    }
}
