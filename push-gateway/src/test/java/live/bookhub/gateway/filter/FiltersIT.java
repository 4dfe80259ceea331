package live.bookhub.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.Range;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.EventStream;
import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.SseClient;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Filtered subscriptions to {@code books}: a change reaches a subscriber when the book matched its
 * filter before or after the change, live and in a replay, once per connection; bad filters get an
 * error frame naming the field and cost the connection nothing else. Events are published as the
 * watcher appends them: an update carries {@code changed} and the old values in {@code before}.
 */
class FiltersIT extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A book as the watcher maps it; ids are unique to the test run, so other tests' events never match. */
    private record Book(String id, String genre, String author, int price, int stock, int year) {

        String json() {
            return "{\"id\":\"" + id + "\",\"title\":\"T " + id + "\",\"genre\":\"" + genre + "\",\"author\":\"" + author
                    + "\",\"price\":" + price + ",\"stock\":" + stock + ",\"year\":" + year + "}";
        }

        String filterable() {
            return "{\"genre\":\"" + genre + "\",\"author\":\"" + author + "\",\"price\":" + price + ",\"stock\":" + stock
                    + ",\"year\":" + year + "}";
        }

        Book price(int newPrice) {
            return new Book(id, genre, author, newPrice, stock, year);
        }

        Book genre(String newGenre) {
            return new Book(id, newGenre, author, price, stock, year);
        }
    }

    private final String run = "f" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final List<AutoCloseable> opened = new ArrayList<>();
    private StreamPublisher publisher;

    @BeforeEach
    void openPublisher() {
        publisher = publisher();
        opened.add(publisher);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aSubscriberToOneIdGetsThatBooksCreateUpdateAndDeleteAndNothingAboutAnother() {
        Book a = book("a", "fantasy", 900);
        Book b = book("b", "fantasy", 900);
        WsClient client = client("filter=" + encode("{\"ids\":[\"" + a.id() + "\"]}"));
        assertThat(client.welcomeTopics()).isEmpty();
        assertThat(client.welcome().path("subs").toString())
                .isEqualTo("[{\"sub\":\"books\",\"filter\":{\"ids\":[\"" + a.id() + "\"]}}]");

        created(b);
        created(a);
        updated(b, b.price(950), "price");
        updated(a, a.price(950), "price");
        deleted(b.price(950));
        deleted(a.price(950));

        await().atMost(WAIT).until(() -> client.events().size() == 3);
        assertThat(client.events()).extracting(event -> event.path("type").asString())
                .containsExactly("book:created", "book:updated", "book:deleted");
        assertThat(client.events()).allSatisfy(event -> assertThat(event.path("data").path("id").asString()).isEqualTo(a.id()));
    }

    @Test
    void anUpdateThatTakesABookOutOfRangeArrivesThenNothingMoreAndOneThatBringsABookInArrives() {
        WsClient client = client("filter=" + encode("[]"));
        client.send("{\"op\":\"subscribe\",\"topics\":[\"books\"],\"sub\":\"cheap\",\"filter\":{\"price\":{\"max\":1000}}}");
        await().atMost(WAIT).until(() -> !client.framesOfType("subscribed").isEmpty());
        assertThat(client.framesOfType("subscribed").get(0).path("subs").toString())
                .isEqualTo("[{\"sub\":\"cheap\",\"filter\":{\"price\":{\"max\":1000}}}]");
        Book c = book("c", "fantasy", 900);
        Book d = book("d", "fantasy", 2000);

        String cCreated = created(c);
        String cLeaves = updated(c, c.price(1500), "price");
        updated(c.price(1500), c.price(1600), "price");
        created(d);
        String dEnters = updated(d, d.price(800), "price");
        String dStays = updated(d.price(800), d.price(700), "price");

        await().atMost(WAIT).until(() -> client.events().size() == 4);
        assertThat(client.eventIds()).containsExactly(cCreated, cLeaves, dEnters, dStays);
        JsonNode leaving = client.events().get(1);
        assertThat(leaving.path("data").path("price").asInt()).isEqualTo(1500);
        // the old values are for the gateway only: the client gets the envelope as before filters
        assertThat(leaving.has("before")).isFalse();
        assertThat(leaving.path("changed").toString()).isEqualTo("[\"price\"]");
    }

    @Test
    void clientsGetTheAppendedEnvelopesOwnTextWithoutBeforeLiveInAReplayAndOverSse() throws Exception {
        WsClient live = client("topics=books");
        String data = "{\"id\":\"" + run + "text\",\"title\":\"Caf\u00e9 \\\"\u2603\\\" \\u00e9 \uD83D\uDCDA\",\"price\":1.50E2,\"stock\":-0,"
                + "\"tags\":[{\"before\":[1,2.0]}]}";
        String before = "\"before\":{\"price\":100.0,\"stock\":1}";

        String id = publisher.publish("book:updated", "books", data, "\"changed\":[\"price\"]," + before);

        String appended = publisher.connection().sync().xrange(EventStream.KEY, Range.create(id, id)).get(0).getBody().get(EventStream.ENVELOPE_FIELD);
        assertThat(appended).contains(data + ",\"changed\":[\"price\"]," + before);
        String sent = "{\"id\":\"" + id + "\",\"epoch\":\"" + publisher.epoch() + "\"," + appended.substring(1).replace("," + before, "");
        await().atMost(WAIT).until(() -> live.texts().contains(sent));
        String position = live.welcome().path("lastEventId").asString();
        WsClient replayed = client("topics=books&lastEventId=" + encode(position));
        await().atMost(WAIT).until(() -> replayed.texts().contains(sent));
        try (SseClient sse = SseClient.connect(port, "topics=books&lastEventId=" + encode(position), Map.of())) {
            JsonNode envelope = EnvelopeCodec.mapper().readTree(sent);
            await().atMost(WAIT).until(() -> sse.events().stream().anyMatch(record -> record.data().equals(envelope)));
        }
    }

    @Test
    void aDeleteReachesSubscribersFilteredByGenreAndByPriceThatTheBookMatchedBefore() {
        WsClient byGenre = client("filter=" + encode("{\"genre\":[\"fantasy\"]}"));
        WsClient byPrice = client("filter=" + encode("{\"price\":{\"min\":500,\"max\":1000}}"));
        Book other = book("other", "scifi", 5000);
        Book e = book("e", "fantasy", 700);

        deleted(other);
        String gone = deleted(e);

        await().atMost(WAIT).until(() -> byGenre.eventIds().contains(gone) && byPrice.eventIds().contains(gone));
        assertThat(byGenre.eventIds()).containsExactly(gone);
        assertThat(byPrice.eventIds()).containsExactly(gone);
    }

    @Test
    void aResumeWithAFilterAfter200MixedChangesGetsExactlyTheChangesTheRuleSelectsInOrderOnce() {
        String filter = "[{\"sub\":\"shelf\",\"filter\":{\"genre\":[\"fantasy\"],\"price\":{\"max\":1000}}},"
                + "{\"sub\":\"one\",\"filter\":{\"ids\":[\"" + run + "b3\"]}}]";
        String startId = publisher.publish("book:updated", "books", "{\"id\":\"" + run + "start\"}");
        String start = publisher.epoch() + ":" + startId;
        WsClient live = client("filter=" + encode(filter));

        List<String> expected = new ArrayList<>(publishMixedChanges(200));
        String last = publisher.publish("book:updated", "books", "{\"id\":\"" + run + "b3\"}");
        expected.add(last);

        WsClient resumed = client("lastEventId=" + encode(start) + "&filter=" + encode(filter));
        await().atMost(WAIT).until(() -> resumed.eventIds().contains(last) && live.eventIds().contains(last));
        assertThat(resumed.eventIds()).containsExactlyElementsOf(expected);
        assertThat(live.eventIds()).containsExactlyElementsOf(expected);
    }

    @Test
    void badFiltersGetAnErrorFrameNamingTheFieldAndTheConnectionKeepsItsOtherSubscriptions() {
        Book g = book("g", "poetry", 100);
        WsClient client = client("filter=" + encode("[{\"sub\":\"keep\",\"filter\":{\"ids\":[\"" + g.id() + "\"]}},"
                + "{\"sub\":\"backwards\",\"filter\":{\"year\":{\"min\":2000,\"max\":1990}}}]"));
        List<String> sent = List.of(
                subscribe("unknown", "{\"colour\":[\"red\"]}"),
                subscribe("type", "{\"price\":{\"min\":\"cheap\"}}"),
                subscribe("list", "{\"ids\":\"" + g.id() + "\"}"),
                subscribe("minmax", "{\"price\":{\"min\":10,\"max\":5}}"),
                subscribe("ids", "{\"ids\":[" + "\"x\",".repeat(100) + "\"x\"]}"),
                subscribe("big", "{\"author\":[" + ("\"" + "a".repeat(60) + "\",").repeat(55) + "\"a\"]}"),
                "{\"op\":\"subscribe\",\"topics\":[\"books\"],\"sub\":\"not ok\",\"filter\":{}}",
                "{\"op\":\"subscribe\",\"topics\":[\"admin\"],\"sub\":\"admins\",\"filter\":{}}");
        sent.forEach(client::send);
        for (int n = 1; n <= 9; n++) {
            client.send(subscribe("s" + n, "{\"ids\":[\"" + run + "s" + n + "\"]}"));
        }
        client.send(subscribe("tenth", "{}"));

        await().atMost(WAIT).until(() -> client.framesOfType("error").size() == 10);
        assertThat(client.framesOfType("error")).extracting(error -> error.path("code").asString()).containsOnly("bad_filter");
        assertThat(client.framesOfType("error")).extracting(error -> error.path("sub").asString() + " " + error.path("field").asString())
                .containsExactly("backwards year.min", "unknown colour", "type price.min", "list ids", "minmax price.min", "ids ids",
                        "big filter", "not ok sub", "admins topics", "tenth sub");
        assertThat(client.framesOfType("error")).allSatisfy(error -> assertThat(error.path("message").asString()).isNotBlank());
        JsonNode last = client.framesOfType("subscribed").get(client.framesOfType("subscribed").size() - 1);
        assertThat(last.path("subs").valueStream().map(sub -> sub.path("sub").asString()).toList())
                .containsExactly("keep", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9");

        String kept = created(g);
        await().atMost(WAIT).until(() -> client.eventIds().contains(kept));
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aFilterParameterThatIsNotJsonGetsAnErrorAndTheConnectionGoesOn() {
        WsClient client = client("filter=" + encode("{ids:"));

        await().atMost(WAIT).until(() -> !client.framesOfType("error").isEmpty());
        JsonNode error = client.framesOfType("error").get(0);
        assertThat(error.path("code").asString()).isEqualTo("bad_filter");
        assertThat(error.path("field").asString()).isEqualTo("filter");
        client.send("{\"op\":\"ping\"}");
        await().atMost(WAIT).until(() -> !client.framesOfType("pong").isEmpty());
    }

    @Test
    void aConnectionGetsAnEventOnceWhateverNumberOfItsSubscriptionsSelectItAndUnsubscribesById() {
        Book h = book("h", "horror", 1200);
        Book m = book("m", "horror", 1200);
        WsClient client = client("topics=books&filter=" + encode("[{\"sub\":\"a\",\"filter\":{\"ids\":[\"" + h.id() + "\"]}},"
                + "{\"sub\":\"b\",\"filter\":{\"genre\":[\"horror\"]}}]"));
        String both = created(h);
        await().atMost(WAIT).until(() -> client.eventIds().contains(both));

        client.send("{\"op\":\"unsubscribe\",\"topics\":[\"books\"]}");
        client.send("{\"op\":\"unsubscribe\",\"sub\":\"a\"}");
        await().atMost(WAIT).until(() -> client.framesOfType("subscribed").size() == 2);
        String byGenre = updated(h, h.price(1300), "price");
        await().atMost(WAIT).until(() -> client.eventIds().contains(byGenre));
        client.send("{\"op\":\"unsubscribe\",\"sub\":\"b\"}");
        client.send(subscribe("b", "{\"ids\":[\"" + m.id() + "\"]}")); // the same sub id with another filter replaces it
        await().atMost(WAIT).until(() -> client.framesOfType("subscribed").size() == 4);
        updated(h.price(1300), h.price(1400), "price");
        String marker = created(m);

        await().atMost(WAIT).until(() -> client.eventIds().contains(marker));
        assertThat(client.eventIds()).containsExactly(both, byGenre, marker);
        assertThat(client.framesOfType("subscribed").get(1).path("subs").toString())
                .isEqualTo("[{\"sub\":\"b\",\"filter\":{\"genre\":[\"horror\"]}}]");
    }

    @Test
    void subscribersWithEqualFiltersShareOneGroup() throws Exception {
        double before = groups();
        String x = run + "x";
        String y = run + "y";
        client("filter=" + encode("{\"ids\":[\"" + x + "\",\"" + y + "\"],\"price\":{\"max\":10}}"));
        client("filter=" + encode("{\"price\":{\"max\":10.00},\"ids\":[\"" + y + "\",\"" + x + "\",\"" + y + "\"]}"));
        client("filter=" + encode("{\"ids\":[\"" + x + "\"]}"));

        await().atMost(WAIT).until(() -> groups() == before + 2);
    }

    @Test
    void anEventSourceWithAFilterGetsWhatItSelects() throws Exception {
        Book k = book("k", "fantasy", 500);
        try (SseClient sse = SseClient.connect(port, "filter=" + encode("{\"ids\":[\"" + k.id() + "\"]}"), Map.of())) {
            await().atMost(WAIT).until(() -> !sse.ofType("welcome").isEmpty());
            created(book("l", "fantasy", 500));
            String mine = created(k);

            await().atMost(WAIT).until(() -> !sse.events().isEmpty());
            assertThat(sse.events()).extracting(record -> record.data().path("id").asString()).containsExactly(mine);
        }
    }

    /**
     * Creates, updates (price, genre) and deletes books of this run at random, with orders between,
     * and returns the ids of the books changes the test's filters select: the book matched a filter
     * before or after the change.
     */
    private List<String> publishMixedChanges(int count) {
        Random random = new Random(16);
        Map<String, Book> books = new HashMap<>();
        List<String> selected = new ArrayList<>();
        String[] genres = {"fantasy", "scifi", "poetry"};
        for (int n = 0; n < count; n++) {
            String id = "b" + random.nextInt(8);
            Book old = books.get(run + id);
            String eventId;
            Book now;
            if (random.nextInt(10) == 0) {
                publisher.publish("order:created", "orders:" + run.replace("-", ""), "{\"id\":\"o" + n + "\"}");
                continue;
            } else if (old == null) {
                now = book(id, genres[random.nextInt(3)], 500 + random.nextInt(1000));
                eventId = created(now);
            } else if (random.nextInt(5) == 0) {
                now = null;
                eventId = deleted(old);
            } else {
                now = random.nextBoolean() ? old.price(500 + random.nextInt(1000)) : old.genre(genres[random.nextInt(3)]);
                eventId = updated(old, now, now.price() != old.price() ? "price" : "genre");
            }
            if (shelf(old) || shelf(now) || id.equals("b3")) {
                selected.add(eventId);
            }
            if (now == null) {
                books.remove(run + id);
            } else {
                books.put(run + id, now);
            }
        }
        return selected;
    }

    private static boolean shelf(Book book) {
        return book != null && book.genre().equals("fantasy") && book.price() <= 1000;
    }

    private Book book(String name, String genre, int price) {
        return new Book(run + name, genre, "Ann Author", price, 4, 2001);
    }

    private String created(Book book) {
        return publisher.publish("book:created", "books", book.json());
    }

    private String updated(Book before, Book after, String changed) {
        return publisher.publish("book:updated", "books", after.json(),
                "\"changed\":[\"" + changed + "\"],\"before\":" + before.filterable());
    }

    /** A delete's data is the pre-image, as the watcher sends it. */
    private String deleted(Book book) {
        return publisher.publish("book:deleted", "books", book.json());
    }

    private static String subscribe(String sub, String filter) {
        return "{\"op\":\"subscribe\",\"topics\":[\"books\"],\"sub\":\"" + sub + "\",\"filter\":" + filter + "}";
    }

    private WsClient client(String query) {
        WsClient client = connect(query);
        opened.add(client);
        return client;
    }

    private double groups() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher gauge = Pattern.compile("(?m)^bookhub_gateway_filter_groups(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertThat(gauge.find()).isTrue();
        return Double.parseDouble(gauge.group(1));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
