package live.bookhub.watcher.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import live.bookhub.events.EnvelopeCodec;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinaryWriter;
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
import org.bson.RawBsonDocument;
import org.bson.BinaryVector;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * Every BSON type maps, read in one pass, to the JSON text it got when each document was first decoded
 * by the driver's {@code DocumentCodec} (the expected texts are that mapping's output), raw or not.
 */
class DocumentJsonTest {

    private static final String EVERY_TYPE_JSON = "{\"id\":7,\"double\":1.5,\"nan\":\"NaN\",\"inf\":\"-Infinity\",\"negzero\":-0.0,\"string\":\"caf\u00e9 \\\"q\\\" \\u0001\",\"int32\":-5,\"int64\":1099511627776,\"bool\":true,\"null\":null,\"date\":\"1969-12-31T23:59:59.999Z\",\"bigdate\":\"+292278994-08-17T07:12:55.807Z\",\"ts\":\"1969-12-31T23:59:58Z\",\"oid\":\"665f1c2b9d3e4a0012345678\",\"dec\":0.00,\"decbig\":1.5E+6000,\"decnan\":\"NaN\",\"decinf\":\"-Infinity\",\"bin\":\"AQID\",\"bin5\":\"CQ==\",\"uuid3\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"uuid4\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"vector\":\"Float32Vector{data=[1.5, -2.0], dataType=FLOAT32}\",\"undef\":\"org.bson.BsonUndefined@0\",\"regex\":\"BsonRegularExpression{pattern='^a.*', options='im'}\",\"ptr\":\"BsonDbPointer{namespace='db.c', id=665f1c2b9d3e4a0012345678}\",\"js\":\"Code{code='f()'}\",\"sym\":\"sym\",\"jsscope\":\"Code{code='g()'}\",\"min\":\"MinKey\",\"max\":\"MaxKey\",\"nested\":{\"id\":\"9\",\"a\":[1,{\"id\":\"665f1c2b9d3e4a0012345678\"},[],null,\"org.bson.BsonUndefined@0\"]},\"nid1\":{\"id\":\"2.5\"},\"nid2\":{\"id\":\"1970-01-01T00:00:00Z\"},\"nid3\":{\"id\":\"Bw==\"},\"nid4\":{\"id\":\"1.10\"},\"nid5\":{\"id\":\"MinKey\"},\"nid6\":{\"id\":\"null\"},\"nid7\":{\"id\":\"false\"},\"nid8\":{\"id\":\"s\\\"1\"},\"\\u0001we\\\"ird.key\":\"v\"}";

    @Test
    void everyTypeMapsToTheTextItAlwaysDidRawOrNot() {
        BsonDocument document = everyType();

        assertThat(EnvelopeCodec.mapper().writeValueAsString(DocumentJson.toJson(new RawBsonDocument(document, new BsonDocumentCodec()))))
                .isEqualTo(EVERY_TYPE_JSON);
        assertThat(EnvelopeCodec.mapper().writeValueAsString(DocumentJson.toJson(document))).isEqualTo(EVERY_TYPE_JSON);
    }

    @Test
    void anIdOfEveryTypeIsTheStringItAlwaysWas() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("_id", "{\"k\": 1, \"u\": {\"$undefined\": true}, \"r\": {\"$regularExpression\": {\"pattern\": \"a\\\"b\", \"options\": \"i\"}}}");
        expected.put("id", "7");
        expected.put("double", "1.5");
        expected.put("nan", "\"NaN\"");
        expected.put("inf", "\"-Infinity\"");
        expected.put("negzero", "-0.0");
        expected.put("string", "caf\u00e9 \"q\" \u0001");
        expected.put("int32", "-5");
        expected.put("int64", "1099511627776");
        expected.put("bool", "true");
        expected.put("null", "null");
        expected.put("date", "1969-12-31T23:59:59.999Z");
        expected.put("bigdate", "+292278994-08-17T07:12:55.807Z");
        expected.put("ts", "1969-12-31T23:59:58Z");
        expected.put("oid", "665f1c2b9d3e4a0012345678");
        expected.put("dec", "0.00");
        expected.put("decbig", "1.5E+6000");
        expected.put("decnan", "NaN");
        expected.put("decinf", "-Infinity");
        expected.put("bin", "AQID");
        expected.put("bin5", "CQ==");
        expected.put("uuid3", "AAAAAAAAAAAAAAAAAAAAAA==");
        expected.put("uuid4", "AAAAAAAAAAAAAAAAAAAAAA==");
        expected.put("vector", "Float32Vector{data=[1.5, -2.0], dataType=FLOAT32}");
        expected.put("undef", "org.bson.BsonUndefined@0");
        expected.put("regex", "BsonRegularExpression{pattern='^a.*', options='im'}");
        expected.put("ptr", "BsonDbPointer{namespace='db.c', id=665f1c2b9d3e4a0012345678}");
        expected.put("js", "Code{code='f()'}");
        expected.put("sym", "sym");
        expected.put("jsscope", "Code{code='g()'}");
        expected.put("min", "MinKey");
        expected.put("max", "MaxKey");
        expected.put("nested", "{\"_id\": 9, \"a\": [1, {\"_id\": {\"$oid\": \"665f1c2b9d3e4a0012345678\"}}, [], null, {\"$undefined\": true}]}");
        expected.put("nid1", "{\"_id\": 2.5}");
        expected.put("nid2", "{\"_id\": {\"$date\": \"1970-01-01T00:00:00Z\"}}");
        expected.put("nid3", "{\"_id\": {\"$binary\": {\"base64\": \"Bw==\", \"subType\": \"00\"}}}");
        expected.put("nid4", "{\"_id\": {\"$numberDecimal\": \"1.10\"}}");
        expected.put("nid5", "{\"_id\": {\"$minKey\": 1}}");
        expected.put("nid6", "{\"_id\": null}");
        expected.put("nid7", "{\"_id\": false}");
        expected.put("nid8", "{\"_id\": \"s\\\"1\"}");
        expected.put("\u0001we\"ird.key", "v");

        everyType().forEach((name, id) -> assertThat(DocumentJson.idString(id)).as(name).isEqualTo(expected.get(name)));
    }

    @Test
    void aPreImagesFieldsAreReadInTheOrderAskedTheLastOfATwiceWrittenNameWinning() {
        BsonDocument preImage = new BsonDocument("_id", new BsonInt32(1)).append("stock", new BsonInt32(3))
                .append("title", new BsonString("Dune")).append("genre", new BsonString("sf"));
        RawBsonDocument raw = new RawBsonDocument(preImage, new BsonDocumentCodec());

        assertThat(DocumentJson.fields(raw, List.of("genre", "price", "stock")).toString()).isEqualTo("{\"genre\":\"sf\",\"stock\":3}");
        assertThat(DocumentJson.fields(stockTwice(), List.of("stock")).toString())
                .isEqualTo("{\"stock\":2}");
    }

    @Test
    void aPreImageThatCannotBeMappedFailsEvenWhereNoFieldIsAskedFor() {
        // a vector whose padding byte is not 0 for its float32s: the driver refuses to decode it
        BsonDocument preImage = new BsonDocument("stock", new BsonInt32(3))
                .append("nested", new BsonDocument("v", new BsonBinary((byte) 9, new byte[] {0x27, 7, 0, 0, 0, 0})));

        assertThatThrownBy(() -> DocumentJson.fields(new RawBsonDocument(preImage, new BsonDocumentCodec()), List.of("stock")))
                .isInstanceOf(RuntimeException.class);
    }

    /** Raw BSON that names {@code stock} twice: 1, then 2. */
    private static RawBsonDocument stockTwice() {
        BasicOutputBuffer out = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            writer.writeStartDocument();
            writer.writeInt32("stock", 1);
            writer.writeInt32("stock", 2);
            writer.writeEndDocument();
        }
        return new RawBsonDocument(out.toByteArray());
    }

    static BsonDocument everyType() {
        BsonDocument d = new BsonDocument("_id", new BsonDocument("k", new BsonInt32(1)).append("u", new BsonUndefined()).append("r", new BsonRegularExpression("a\"b", "i")));
        d.append("id", new BsonInt32(7));
        d.append("double", new BsonDouble(1.5)).append("nan", new BsonDouble(Double.NaN)).append("inf", new BsonDouble(Double.NEGATIVE_INFINITY)).append("negzero", new BsonDouble(-0.0))
         .append("string", new BsonString("caf\u00e9 \"q\" \u0001")).append("int32", new BsonInt32(-5)).append("int64", new BsonInt64(1L << 40))
         .append("bool", BsonBoolean.TRUE).append("null", BsonNull.VALUE).append("date", new BsonDateTime(-1L)).append("bigdate", new BsonDateTime(Long.MAX_VALUE))
         .append("ts", new BsonTimestamp(-2, 3)).append("oid", new BsonObjectId(new ObjectId("665f1c2b9d3e4a0012345678")))
         .append("dec", new BsonDecimal128(Decimal128.parse("-0.00"))).append("decbig", new BsonDecimal128(Decimal128.parse("1.5E+6000"))).append("decnan", new BsonDecimal128(Decimal128.NaN)).append("decinf", new BsonDecimal128(Decimal128.NEGATIVE_INFINITY))
         .append("bin", new BsonBinary(new byte[]{1, 2, 3})).append("bin5", new BsonBinary((byte) 5, new byte[]{9}))
         .append("uuid3", new BsonBinary((byte) 3, new byte[16])).append("uuid4", new BsonBinary((byte) 4, new byte[16]))
         .append("vector", new BsonBinary(BinaryVector.floatVector(new float[]{1.5f, -2f})))
         .append("undef", new BsonUndefined()).append("regex", new BsonRegularExpression("^a.*", "im"))
         .append("ptr", new BsonDbPointer("db.c", new ObjectId("665f1c2b9d3e4a0012345678"))).append("js", new BsonJavaScript("f()"))
         .append("sym", new BsonSymbol("sym")).append("jsscope", new BsonJavaScriptWithScope("g()", new BsonDocument("x", new BsonInt32(1))))
         .append("min", new BsonMinKey()).append("max", new BsonMaxKey())
         .append("nested", new BsonDocument("_id", new BsonInt64(9)).append("a", new BsonArray(List.of(new BsonInt32(1), new BsonDocument("_id", new BsonObjectId(new ObjectId("665f1c2b9d3e4a0012345678"))), new BsonArray(), BsonNull.VALUE, new BsonUndefined()))))
         .append("nid1", new BsonDocument("_id", new BsonDouble(2.5))).append("nid2", new BsonDocument("_id", new BsonDateTime(0))).append("nid3", new BsonDocument("_id", new BsonBinary(new byte[]{7})))
         .append("nid4", new BsonDocument("_id", new BsonDecimal128(Decimal128.parse("1.10")))).append("nid5", new BsonDocument("_id", new BsonMinKey())).append("nid6", new BsonDocument("_id", BsonNull.VALUE))
         .append("nid7", new BsonDocument("_id", BsonBoolean.FALSE)).append("nid8", new BsonDocument("_id", new BsonString("s\"1")))
         .append("\u0001we\"ird.key", new BsonString("v"));
        return d;
    }
}
