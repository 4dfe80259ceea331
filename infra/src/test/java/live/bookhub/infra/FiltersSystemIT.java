package live.bookhub.infra;

import static live.bookhub.infra.support.Events.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Filtered subscriptions and low-stock alerts through the whole stack: a book written through REST and
 * mongosh reaches a shelf's filter when it leaves it (judged on the watcher's pre-image), a cart's
 * filter on its delete, and the admins as one alert per crossing of the low-stock threshold.
 */
@SystemTest
class FiltersSystemIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final LocalStack stack;
    private final Api admin;

    FiltersSystemIT(LocalStack stack) {
        this.stack = stack;
        this.admin = Api.admin(stack.api().baseUrl());
    }

    @Test
    void aBookLeavingAShelfReachesItOnceItsDeleteReachesTheCartAndItsStockCrossingsTheAdmins() {
        String genre = "genre-" + Api.unique("g").replace(' ', '-');
        try (LiveClient shelf = LiveClient.connect(stack.gateways().get(0).port(),
                "filter=" + encode("{\"genre\":[\"" + genre + "\"],\"price\":{\"max\":1000}}"));
             LiveClient admins = LiveClient.connect(stack.gateways().get(1).port(), "topics=admin&access_token=" + admin.token())) {
            String id = admin.createBook(Api.book(Api.unique("Shelf")).put("genre", genre).put("price", 900).put("stock", 6))
                    .path("id").asString();
            // The cart opens once the creation went out live (else it could get the creation too; CI saw it).
            await().atMost(WAIT).until(() -> types(shelf.eventsFor(id)).contains("book:created"));
            try (LiveClient cart = LiveClient.connect(stack.gateways().get(1).port(), "filter=" + encode("{\"ids\":[\"" + id + "\"]}"))) {
                admin.patchBook(id, Api.json().put("price", 1500));
                Mongosh.eval(stack.mongoUri(), "db.books.updateOne({_id: ObjectId('" + id + "')}, {$set: {price: 1600}})");
                Mongosh.eval(stack.mongoUri(), "db.books.updateOne({_id: ObjectId('" + id + "')}, {$set: {stock: 3}})");
                Mongosh.eval(stack.mongoUri(), "db.books.updateOne({_id: ObjectId('" + id + "')}, {$inc: {stock: -1}})");
                Mongosh.eval(stack.mongoUri(), "db.books.updateOne({_id: ObjectId('" + id + "')}, {$set: {stock: 8}})");
                admin.deleteBook(id);

                await().atMost(WAIT).until(() -> types(cart.eventsFor(id)).contains("book:deleted"));
                assertThat(types(cart.eventsFor(id))).containsExactly("book:updated", "book:updated", "book:updated", "book:updated",
                        "book:updated", "book:deleted");
                // the shelf got the book in, and the update that took it out; nothing after
                assertThat(types(shelf.eventsFor(id))).containsExactly("book:created", "book:updated");
                assertThat(shelf.eventsFor(id).get(1).path("data").path("price").asInt()).isEqualTo(1500);
                assertThat(shelf.eventsFor(id).get(1).has("before")).isFalse();

                await().atMost(WAIT).until(() -> types(admins.eventsFor(id)).contains("book:restocked"));
                assertThat(types(admins.eventsFor(id).stream().filter(event -> event.path("topic").asString().equals("admin")).toList()))
                        .containsExactly("book:low-stock", "book:restocked");
                JsonNode low = admins.eventsFor(id).stream().filter(event -> event.path("type").asString().equals("book:low-stock"))
                        .findFirst().orElseThrow();
                assertThat(low.path("data").path("stock").asInt()).isEqualTo(3);
                assertThat(low.path("data").path("threshold").asInt()).isEqualTo(5);
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
