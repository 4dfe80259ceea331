package live.bookhub.watcher.support;

import java.util.SplittableRandom;

import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDbPointer;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Random BSON for fuzz tests, from a seed: nested documents and arrays, every BSON type with its odd
 * values (NaN, infinities, extreme dates, binary of any subtype and length), odd keys (empty, dotted,
 * {@code $}-prefixed, non-ASCII), and now and then a huge string.
 */
public final class RandomBson {

    private static final String[] KEYS = {"title", "price", "stock", "userId", "status", "", "$weird", "a.b", "_id", "é", "日本",
            "\u0000", "items", "0", "very long key ".repeat(20)};

    private final SplittableRandom random;

    public RandomBson(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public SplittableRandom random() {
        return random;
    }

    public BsonDocument document(int depth) {
        BsonDocument document = new BsonDocument();
        int fields = random.nextInt(0, 8);
        for (int i = 0; i < fields; i++) {
            document.put(key(), value(depth));
        }
        return document;
    }

    public String key() {
        return random.nextInt(3) == 0 ? text(random.nextInt(0, 12)) : KEYS[random.nextInt(KEYS.length)];
    }

    public BsonValue value(int depth) {
        int kinds = depth <= 0 ? 21 : 23;
        return switch (random.nextInt(kinds)) {
            case 0 -> BsonNull.VALUE;
            case 1 -> BsonBoolean.valueOf(random.nextBoolean());
            case 2 -> new BsonInt32(random.nextInt());
            case 3 -> new BsonInt64(random.nextLong());
            case 4 -> new BsonDouble(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                    Double.MIN_VALUE, Double.MAX_VALUE, random.nextDouble()}[random.nextInt(7)]);
            case 5 -> new BsonDecimal128(new Decimal128[] {Decimal128.NaN, Decimal128.POSITIVE_INFINITY, Decimal128.NEGATIVE_ZERO,
                    Decimal128.parse("1E+6144"), Decimal128.parse("12.50")}[random.nextInt(5)]);
            case 6 -> new BsonString(text(random.nextInt(0, 40)));
            case 7 -> new BsonString(random.nextInt(20) == 0 ? "x".repeat(random.nextInt(100_000, 400_000)) : text(3));
            case 8 -> new BsonBinary((byte) random.nextInt(-128, 128), bytes(random.nextInt(0, 40)));
            case 9 -> new BsonObjectId(new ObjectId());
            case 10 -> new BsonDateTime(new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -62_135_596_800_001L, random.nextLong()}[random.nextInt(5)]);
            case 11 -> new BsonTimestamp(random.nextInt(), random.nextInt());
            case 12 -> new BsonRegularExpression(text(5), "imx");
            case 13 -> new BsonJavaScript("function() { return " + random.nextInt() + "; }");
            case 14 -> new BsonSymbol(text(4));
            case 15 -> new BsonMinKey();
            case 16 -> new BsonMaxKey();
            case 17 -> new BsonUndefined();
            case 18 -> new BsonDbPointer("bookhub.books", new ObjectId());
            case 19 -> new BsonJavaScriptWithScope("x", new BsonDocument("x", new BsonInt32(1)));
            case 20 -> new BsonString(KEYS[random.nextInt(KEYS.length)]);
            case 21 -> document(depth - 1);
            default -> array(depth - 1);
        };
    }

    public BsonArray array(int depth) {
        BsonArray array = new BsonArray();
        int items = random.nextInt(0, 6);
        for (int i = 0; i < items; i++) {
            array.add(value(depth));
        }
        return array;
    }

    /** A dotted path, as an update names a field: into documents and arrays, sometimes odd. */
    public String path() {
        StringBuilder path = new StringBuilder(key());
        int parts = random.nextInt(0, 4);
        for (int i = 0; i < parts; i++) {
            path.append('.').append(random.nextBoolean() ? String.valueOf(random.nextInt(0, 5)) : key());
        }
        return path.toString();
    }

    public String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x80, 0x2FFFF) : random.nextInt(0x20, 0x7f));
        }
        return text.toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
