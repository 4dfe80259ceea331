package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.Codec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** Each change stream event reads, in one pass, as the driver's own codec decodes it, field by field. */
class ChangeEventReaderTest {

    private static final Codec<ChangeStreamDocument<RawBsonDocument>> DRIVER =
            ChangeStreamDocument.createCodec(RawBsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    private static final BsonObjectId BOOK = new BsonObjectId(new ObjectId("665f1c2b9d3e4a0012345678"));

    @Test
    void anUpdateWithItsLookupPreImageAndUpdateDescription() {
        BsonDocument book = new BsonDocument("_id", BOOK).append("title", new BsonString("Dune")).append("stock", new BsonInt32(5));
        assertReadAsTheDriverDoes(event("update")
                .append("fullDocument", book.clone().append("stock", new BsonInt32(6)))
                .append("ns", namespace("books"))
                .append("documentKey", new BsonDocument("_id", BOOK))
                .append("updateDescription", new BsonDocument("updatedFields", new BsonDocument("stock", new BsonInt32(6)))
                        .append("removedFields", new BsonArray(List.of(new BsonString("blurb"), new BsonString("a.b"))))
                        .append("truncatedArrays", new BsonArray(List.of(new BsonDocument("field", new BsonString("tags"))
                                .append("newSize", new BsonInt32(2)))))
                        .append("disambiguatedPaths", new BsonDocument("a.0", new BsonArray(List.of(new BsonString("a"), new BsonInt32(0))))))
                .append("fullDocumentBeforeChange", book));
    }

    @Test
    void anInsertAnUpdateOfADeletedDocumentAndADeleteWithoutPreImage() {
        assertReadAsTheDriverDoes(event("insert").append("fullDocument", new BsonDocument("_id", BOOK))
                .append("ns", namespace("books")).append("documentKey", new BsonDocument("_id", BOOK)));
        assertReadAsTheDriverDoes(event("update").append("fullDocument", BsonNull.VALUE).append("ns", namespace("books"))
                .append("documentKey", new BsonDocument("_id", BOOK))
                .append("updateDescription", new BsonDocument("updatedFields", new BsonDocument()).append("removedFields", new BsonArray())));
        assertReadAsTheDriverDoes(event("delete").append("ns", namespace("orders")).append("documentKey", new BsonDocument("_id", BOOK)));
    }

    @Test
    void aRenameADropAnInvalidateAndATransactionsFields() {
        assertReadAsTheDriverDoes(event("rename").append("ns", namespace("books")).append("to", namespace("volumes")));
        assertReadAsTheDriverDoes(event("drop").append("ns", namespace("books")));
        assertReadAsTheDriverDoes(event("invalidate"));
        assertReadAsTheDriverDoes(event("insert").append("fullDocument", new BsonDocument("_id", BOOK))
                .append("ns", namespace("books")).append("nsType", new BsonString("collection"))
                .append("documentKey", new BsonDocument("_id", BOOK)).append("txnNumber", new BsonInt64(7))
                .append("lsid", new BsonDocument("id", new BsonBinary(new byte[16])))
                .append("splitEvent", new BsonDocument("fragment", new BsonInt32(1)).append("of", new BsonInt32(2)))
                .append("collectionUUID", new BsonBinary(new byte[16])));
    }

    private static void assertReadAsTheDriverDoes(BsonDocument event) {
        RawBsonDocument raw = new RawBsonDocument(event, new BsonDocumentCodec());
        ChangeStreamDocument<RawBsonDocument> read = ChangeEventReader.read(raw);

        assertThat(read).isEqualTo(raw.decode(DRIVER));
    }

    private static BsonDocument event(String operationType) {
        return new BsonDocument("_id", new BsonDocument("_data", new BsonString("8269000000000000012B042C0100296E5A1004")))
                .append("operationType", new BsonString(operationType))
                .append("clusterTime", new BsonTimestamp(1_764_000_000, 1))
                .append("wallTime", new BsonDateTime(1_764_000_000_123L));
    }

    private static BsonDocument namespace(String collection) {
        return new BsonDocument("db", new BsonString("bookhub")).append("coll", new BsonString(collection));
    }
}
