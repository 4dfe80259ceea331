package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.SystemTest;
import live.bookhub.infra.support.WatcherAdmin;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Whatever a DBA writes in mongosh becomes a sensible envelope, and the watcher keeps going: wrong
 * types, missing and unknown fields, odd ids, a 10 MB document, a replace.
 */
@SystemTest
class WatcherOddDocumentsIT {

    private static final Duration LIVE = Duration.ofSeconds(30);

    private final LocalStack stack;

    WatcherOddDocumentsIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void eachOddDocumentWrittenInMongoshGivesTheExpectedEnvelopeAndTheWatcherKeepsGoing() {
        String tag = Api.unique("Odd").replace(' ', '-');
        WatcherAdmin watcher = new WatcherAdmin(stack.watcher());
        double truncated = watcher.metric("bookhub_watcher_events_truncated_total");
        try (LiveClient client = LiveClient.connect(stack.gateways().get(0).port(), "topics=books")) {
            JsonNode ids = EnvelopeCodec.mapper().readTree(lastLine(Mongosh.eval(stack.mongoUri(), String.join("\n",
                    "const hex = r => r.insertedId.toHexString();",
                    "const ids = {};",
                    "ids.wrongTypes = hex(db.books.insertOne({title: '" + tag + "', price: 'twelve', stock: '3', author: 42}));",
                    "ids.empty = hex(db.books.insertOne({}));",
                    "ids.unknown = hex(db.books.insertOne({title: '" + tag + "', meta: {tags: ['a', 1, null], at: new Date(0),"
                            + " exact: NumberDecimal('1.10'), big: NumberLong('9007199254740993')}}));",
                    "db.books.insertOne({_id: '" + tag + "-isbn', title: '" + tag + "'});",
                    "ids.number = Math.floor(Math.random() * 1e9);",
                    "db.books.insertOne({_id: ids.number, title: '" + tag + "'});",
                    "ids.huge = hex(db.books.insertOne({title: '" + tag + "', blob: 'x'.repeat(10 * 1024 * 1024)}));",
                    "db.books.replaceOne({_id: ObjectId(ids.unknown)}, {title: '" + tag + "', note: 'replaced'});",
                    "db.books.updateOne({_id: ObjectId(ids.wrongTypes)}, {$set: {price: NumberDecimal('NaN')}, $unset: {stock: ''}});",
                    "ids.after = hex(db.books.insertOne({title: '" + tag + " after'}));",
                    "print(JSON.stringify(ids));"))));
            String after = ids.path("after").asString();
            await().atMost(LIVE).until(() -> !client.eventsFor(after).isEmpty());

            JsonNode wrongTypes = only(client, ids.path("wrongTypes").asString(), "book:created");
            assertThat(wrongTypes.path("data").path("price").asString()).isEqualTo("twelve");
            assertThat(wrongTypes.path("data").path("stock").asString()).isEqualTo("3");
            assertThat(wrongTypes.path("data").path("author").asInt()).isEqualTo(42);
            assertThat(only(client, ids.path("empty").asString(), "book:created").path("data").toString())
                    .isEqualTo("{\"id\":\"" + ids.path("empty").asString() + "\"}");
            JsonNode meta = only(client, ids.path("unknown").asString(), "book:created").path("data").path("meta");
            assertThat(meta.toString()).isEqualTo("{\"tags\":[\"a\",1,null],\"at\":\"1970-01-01T00:00:00Z\",\"exact\":1.1,"
                    + "\"big\":9007199254740993}");
            assertThat(only(client, tag + "-isbn", "book:created").path("data").path("title").asString()).isEqualTo(tag);
            assertThat(only(client, ids.path("number").asString(), "book:created")).isNotNull();
            JsonNode huge = only(client, ids.path("huge").asString(), "book:created");
            assertThat(huge.path("truncated").asBoolean()).isTrue();
            assertThat(huge.path("data").toString()).isEqualTo("{\"id\":\"" + ids.path("huge").asString() + "\"}");
            JsonNode replaced = only(client, ids.path("unknown").asString(), "book:updated");
            assertThat(replaced.path("data").path("note").asString()).isEqualTo("replaced");
            assertThat(replaced.path("data").has("meta")).isFalse();
            assertThat(replaced.has("changed")).isFalse();
            JsonNode updated = only(client, ids.path("wrongTypes").asString(), "book:updated");
            assertThat(updated.path("data").path("price").asString()).isEqualTo("NaN");
            assertThat(updated.path("data").has("stock")).isFalse();
            assertThat(updated.path("changed").toString()).contains("price", "stock");
            assertThat(watcher.metric("bookhub_watcher_events_truncated_total") - truncated).isEqualTo(1);
        } finally {
            Mongosh.eval(stack.mongoUri(), "db.books.deleteMany({title: /^" + tag + "/})");
        }
    }

    private static JsonNode only(LiveClient client, String id, String type) {
        List<JsonNode> events = client.eventsFor(id).stream().filter(event -> event.path("type").asString().equals(type)).toList();
        assertThat(events).as("%s of %s", type, id).hasSize(1);
        return events.get(0);
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\\R");
        return lines[lines.length - 1].trim();
    }
}
