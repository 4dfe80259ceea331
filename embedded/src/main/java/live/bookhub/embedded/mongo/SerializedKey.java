package live.bookhub.embedded.mongo;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A unique index's key as the bytes H2's {@link ObjectDataType} stores it: the key's Java serialization.
 * The stock index keeps {@link KeyValue}s, which are not {@code Comparable}, so H2 orders them by
 * serializing both sides of every comparison: a lookup by {@code _id} (each insert's duplicate check,
 * each update, each change stream's {@code updateLookup}) cost some 30 serializations. Kept as bytes, a
 * key is serialized once and compared as it is stored; the order and the file format are the stock ones,
 * so indexes written before read the same.
 */
final class SerializedKey {

    /** {@code ObjectDataType.TYPE_SERIALIZED_OBJECT}: the tag of every stored key. */
    private static final byte SERIALIZED_OBJECT = 19;

    /** A key of one ObjectId, an {@code _id} index's usual key. */
    private static final ObjectIdTemplate OBJECT_ID_KEY = new ObjectIdTemplate(id -> new KeyValue(id));
    /** A document without the field, looked up in a sparse index on every update of such a document. */
    private static final byte[] NULL_KEY = ObjectDataType.serialize(new KeyValue((Object) null));

    private final byte[] bytes;

    private SerializedKey(byte[] bytes) {
        this.bytes = bytes;
    }

    static SerializedKey of(KeyValue key) {
        if (key.size() == 1) {
            Object value = key.get(0);
            if (value == null) {
                return new SerializedKey(NULL_KEY);
            }
            if (value.getClass() == ObjectId.class) {
                return new SerializedKey(OBJECT_ID_KEY.serialize((ObjectId) value));
            }
        }
        return new SerializedKey(ObjectDataType.serialize(key));
    }

    KeyValue keyValue() {
        return (KeyValue) ObjectDataType.deserialize(bytes);
    }

    /** The index map's key type: {@link ObjectDataType}'s format and order, without deserializing. */
    static final class Type extends BasicDataType<SerializedKey> {

        static final Type INSTANCE = new Type();

        private Type() {
        }

        /**
         * {@link ObjectDataType#compareNotNull(byte[], byte[])}'s order (unsigned bytes, then length), compared
         * eight bytes at a time: keys share a long prefix (the stream header and class descriptors), which the
         * stock byte-by-byte loop walks on every comparison of a lookup.
         */
        @Override
        public int compare(SerializedKey a, SerializedKey b) {
            return Arrays.compareUnsigned(a.bytes, b.bytes);
        }

        @Override
        public int getMemory(SerializedKey key) {
            return 24 + key.bytes.length;
        }

        @Override
        public void write(WriteBuffer buffer, SerializedKey key) {
            buffer.put(SERIALIZED_OBJECT).putVarInt(key.bytes.length).put(key.bytes);
        }

        @Override
        public SerializedKey read(ByteBuffer buffer) {
            byte tag = buffer.get();
            if (tag != SERIALIZED_OBJECT) {
                throw new IllegalStateException("an index key stored with type tag " + tag + ", not as a serialized object");
            }
            byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(bytes);
            return new SerializedKey(bytes);
        }

        @Override
        public SerializedKey[] createStorage(int size) {
            return new SerializedKey[size];
        }
    }
}
