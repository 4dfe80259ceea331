package live.bookhub.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;
import live.bookhub.embedded.mongo.OplogEntry.Header;
import live.bookhub.embedded.mongo.OplogEntry.Kind;

class OplogEntryTest {

    @Test
    void theHeaderIsReadFromTheStoredBytesAsTheWholeEntryDecodesIt() {
        for (Kind kind : Kind.values()) {
            OplogEntry entry = new OplogEntry(0x6B0D_A843_0000_02D0L, Instant.parse("2026-11-30T16:00:00Z"), kind, "bookhub.books",
                    new Document("o", new Document("_id", 1).append("title", "Dune")));
            byte[] bytes = entry.toBson();

            assertThat(Header.of(bytes)).isEqualTo(new Header(kind, "bookhub.books"));
            assertThat(OplogEntry.fromBson(bytes)).isEqualTo(entry);
        }
    }

    @Test
    void aStreamSkipsOnlyWhatItSurelyDoesNotSee() {
        ChangeStreamSpec books = ChangeStreamSpec.parse(new Document(), "bookhub", "books");
        ChangeStreamSpec database = ChangeStreamSpec.parse(new Document(), "bookhub", null);

        assertThat(books.skips(new Header(Kind.UPDATE, "bookhub.orders"))).isTrue();
        assertThat(books.skips(new Header(Kind.UPDATE, "bookhub.books"))).isFalse();
        assertThat(books.skips(new Header(Kind.RENAME, "bookhub.orders"))).as("a rename to books is seen").isFalse();
        assertThat(books.skips(new Header(Kind.INVALIDATE, "bookhub.orders"))).isFalse();
        assertThat(books.skips(new Header(Kind.NOOP, "bookhub.books"))).isTrue();
        assertThat(database.skips(new Header(Kind.INSERT, "other.books"))).isTrue();
        assertThat(database.skips(new Header(Kind.INSERT, "bookhub.orders"))).isFalse();
    }
}
