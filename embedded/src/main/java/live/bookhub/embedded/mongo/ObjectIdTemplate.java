package live.bookhub.embedded.mongo;

import java.util.Arrays;
import java.util.function.Function;

import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The Java serialization (as H2's {@link ObjectDataType} stores objects it has no type of its own for) of
 * a value that holds one ObjectId: every byte is fixed but the id's own 12, so they are patched into a
 * copy of a template instead of running an ObjectOutputStream, and read back from it without an
 * ObjectInputStream. Same bytes as the stock serialization ({@code SerializedKeyTest},
 * {@code DocumentTypesTest}), so stored data reads the same either way.
 */
final class ObjectIdTemplate {

    private static final byte[] PROBE = {(byte) 0xA1, (byte) 0xB2, (byte) 0xC3, (byte) 0xD4, (byte) 0xE5, (byte) 0xF6,
            0x17, 0x28, 0x39, 0x4A, 0x5B, 0x6C};

    private final byte[] template;
    private final int offset;

    /** @param holder the value to serialize, made from its ObjectId (the id itself, a one-field index key) */
    ObjectIdTemplate(Function<ObjectId, Object> holder) {
        this.template = ObjectDataType.serialize(holder.apply(new ObjectId(PROBE)));
        this.offset = indexOf(template, PROBE);
    }

    byte[] serialize(ObjectId id) {
        byte[] bytes = template.clone();
        System.arraycopy(id.toByteArray(), 0, bytes, offset, PROBE.length);
        return bytes;
    }

    /** The id in {@code bytes} serialized from a holder, or null when they hold something else. */
    ObjectId idIn(byte[] bytes) {
        if (bytes.length != template.length
                || !Arrays.equals(bytes, 0, offset, template, 0, offset)
                || !Arrays.equals(bytes, offset + PROBE.length, bytes.length, template, offset + PROBE.length, template.length)) {
            return null;
        }
        return new ObjectId(Arrays.copyOfRange(bytes, offset, offset + PROBE.length));
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalStateException("an ObjectId's bytes are not found in its serialized form");
    }
}
