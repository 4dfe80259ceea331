package live.bookhub.api.orders;

import java.util.List;
import java.util.Map;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.ConcurrentCheckouts;
import live.bookhub.api.support.Http;
import live.bookhub.api.system.MongoTransactions;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutIT extends ApiIntegrationTest {

    @Autowired
    MongoTransactions transactions;

    /** The embedded server is a replica set to the driver, but refuses transactions: checkouts compensate. */
    @Test
    void onTheEmbeddedServerCheckoutsCompensateBecauseItRefusesTransactions() {
        assertThat(transactions.supported()).isFalse();
    }

    @Test
    void fiftyConcurrentCheckoutsOfTenCopiesSellExactlyTen() throws Exception {
        String bookId = createBook(book("stock", 10, "price", 1500));
        String cart = cart(bookId, 1);

        List<Http.Response> responses = ConcurrentCheckouts.run(http, List.of(aliceToken, bobToken), cart, 50);

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(10);
        List<Http.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(40).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.fields()).containsExactly("items[0].quantity");
        });
        assertThat(stockOf(bookId)).isZero();
        assertThat(mongo.getCollection("orders").countDocuments()).isEqualTo(10);
    }

    @Test
    void aCheckoutWhoseSecondBookIsShortChangesNeither() {
        String plenty = createBook(book("stock", 5, "isbn", null));
        String scarce = createBook(book("stock", 1, "isbn", null, "title", "Scarce"));

        Http.Response refused = http.post("/api/orders", aliceToken, Http.json(Map.of("items", List.of(
                Map.of("bookId", plenty, "quantity", 2), Map.of("bookId", scarce, "quantity", 2)))));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.fields()).containsExactly("items[1].quantity");
        assertThat(refused.json().path("detail").asString()).contains("only 1");
        assertThat(stockOf(plenty)).isEqualTo(5);
        assertThat(stockOf(scarce)).isEqualTo(1);
        assertThat(mongo.getCollection("orders").countDocuments()).isZero();
    }

    @Test
    void anUnknownBookFailsTheCheckoutAndChangesNothing() {
        String bookId = createBook(book("stock", 5));

        Http.Response refused = http.post("/api/orders", aliceToken, Http.json(Map.of("items", List.of(
                Map.of("bookId", bookId, "quantity", 1), Map.of("bookId", "0".repeat(24), "quantity", 1)))));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.fields()).containsExactly("items[1].bookId");
        assertThat(stockOf(bookId)).isEqualTo(5);
    }

    @Test
    void pricesComeFromTheCatalogAndTheSameBookTwiceIsOneLine() {
        String bookId = createBook(book("stock", 5, "price", 1250));

        Http.Response placed = http.post("/api/orders", aliceToken, Http.json(Map.of("items", List.of(
                Map.of("bookId", bookId, "quantity", 1), Map.of("bookId", bookId, "quantity", 2)))));

        assertThat(placed.status()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(order.path("userId").asString()).isEqualTo(aliceId);
        assertThat(order.path("status").asString()).isEqualTo("pending");
        assertThat(order.path("total").asInt()).isEqualTo(3750);
        assertThat(order.path("items")).hasSize(1);
        assertThat(order.path("items").get(0).path("price").asInt()).isEqualTo(1250);
        assertThat(order.path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(order.path("items").get(0).path("title").asString()).isEqualTo("The Pragmatic Programmer");
        assertThat(stockOf(bookId)).isEqualTo(2);
    }

    @Test
    void aClientCannotSetThePrice() {
        String bookId = createBook(book());

        Http.Response refused = http.post("/api/orders", aliceToken, Http.json(Map.of("items", List.of(
                Map.of("bookId", bookId, "quantity", 1, "price", 1)))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fields()).containsExactly("items[0].price");
    }

    @Test
    void customersSeeTheirOwnOrdersAndAdminsSeeAll() {
        String bookId = createBook(book("stock", 9));
        String aliceOrder = placeOrder(aliceToken, bookId, 1);
        placeOrder(bobToken, bookId, 1);

        assertThat(http.get("/api/orders", aliceToken).json().path("items").valueStream()
                .map(order -> order.path("id").asString())).containsExactly(aliceOrder);
        assertThat(http.get("/api/orders", adminToken).json().path("totalItems").asInt()).isEqualTo(2);
        assertThat(http.get("/api/orders/" + aliceOrder, aliceToken).status()).isEqualTo(200);
        assertThat(http.get("/api/orders/" + aliceOrder, adminToken).status()).isEqualTo(200);
        assertThat(http.get("/api/orders/" + aliceOrder, bobToken).status()).isEqualTo(404);
        assertThat(http.get("/api/orders?status=pending", adminToken).json().path("totalItems").asInt()).isEqualTo(2);
        assertThat(http.get("/api/orders?status=paid", adminToken).json().path("totalItems").asInt()).isZero();
    }

    @Test
    void anOrderMovesThroughEveryLegalStatus() {
        String orderId = placeOrder(aliceToken, createBook(book()), 1);

        for (String status : List.of("paid", "shipped", "delivered")) {
            Http.Response changed = changeStatus(orderId, status);
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().path("status").asString()).isEqualTo(status);
        }
    }

    @Test
    void illegalTransitionsAreConflictsNamingTheStatus() {
        String bookId = createBook(book());
        String orderId = placeOrder(aliceToken, bookId, 1);

        assertConflict(changeStatus(orderId, "shipped"));
        assertConflict(changeStatus(orderId, "delivered"));
        assertThat(changeStatus(orderId, "paid").status()).isEqualTo(200);
        assertConflict(changeStatus(orderId, "pending"));
        assertThat(changeStatus(orderId, "shipped").status()).isEqualTo(200);
        assertConflict(changeStatus(orderId, "cancelled"));
        assertThat(changeStatus(orderId, "delivered").status()).isEqualTo(200);
        assertConflict(changeStatus(orderId, "cancelled"));
    }

    @Test
    void cancellingReturnsTheStockOnceOnly() {
        String bookId = createBook(book("stock", 5));
        String orderId = placeOrder(aliceToken, bookId, 2);
        assertThat(stockOf(bookId)).isEqualTo(3);

        assertThat(changeStatus(orderId, "cancelled").status()).isEqualTo(200);
        assertConflict(changeStatus(orderId, "cancelled"));

        assertThat(stockOf(bookId)).isEqualTo(5);
    }

    /** A DBA may write any status in mongosh; the list that holds such an order still loads. */
    @Test
    void anOrderWithAStatusWrittenOutsideTheApiIsListedAsStoredAndCannotBeMovedOn() {
        String orderId = placeOrder(aliceToken, createBook(book()), 1);
        mongo.getCollection("orders").updateOne(new Document("_id", new ObjectId(orderId)),
                new Document("$set", new Document("status", "refunded")));

        Http.Response mine = http.get("/api/orders", aliceToken);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("items").get(0).path("status").asString()).isEqualTo("refunded");
        assertThat(http.get("/api/orders/" + orderId, adminToken).json().path("status").asString()).isEqualTo("refunded");

        Http.Response refused = changeStatus(orderId, "cancelled");
        assertConflict(refused);
        assertThat(refused.json().path("detail").asString()).contains("refunded");
    }

    private String placeOrder(String token, String bookId, int quantity) {
        Http.Response placed = http.post("/api/orders", token, cart(bookId, quantity));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json().path("id").asString();
    }

    private Http.Response changeStatus(String orderId, String status) {
        return http.patch("/api/orders/" + orderId + "/status", adminToken, Http.json(Map.of("status", status)));
    }

    private static void assertConflict(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.fields()).containsExactly("status");
    }

    private int stockOf(String bookId) {
        return http.get("/api/books/" + bookId, null).json().path("stock").asInt();
    }

    private static String cart(String bookId, int quantity) {
        return Http.json(Map.of("items", List.of(Map.of("bookId", bookId, "quantity", quantity))));
    }
}
