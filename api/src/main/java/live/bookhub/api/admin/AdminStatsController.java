package live.bookhub.api.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import live.bookhub.api.auth.Role;
import live.bookhub.api.auth.User;
import live.bookhub.api.books.Book;
import live.bookhub.api.orders.Order;
import live.bookhub.api.orders.OrderStatus;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The admin dashboard's numbers, computed by MongoDB. "Today" is the current UTC day. */
@RestController
class AdminStatsController {

    private static final int LOW_STOCK_LISTED = 20;

    private final MongoTemplate mongo;
    private final AdminProperties properties;
    private final Clock clock;

    AdminStatsController(MongoTemplate mongo, AdminProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    record Stats(BookStats books, UserStats users, OrderStats orders, Totals today) {
    }

    record BookStats(long total, int lowStockThreshold, long lowStock, List<LowStockBook> lowStockBooks) {
    }

    record LowStockBook(String id, String title, int stock) {
    }

    record UserStats(long total, long admins, long customers) {
    }

    /** {@code revenue} counts every order but the cancelled ones. */
    record OrderStats(long total, long revenue, Map<String, Totals> byStatus) {
    }

    record Totals(long orders, long revenue) {
    }

    @GetMapping("/api/admin/stats")
    Stats showStats() {
        return new Stats(bookStats(), userStats(), orderStats(), today());
    }

    private BookStats bookStats() {
        Query lowStock = Query.query(where("stock").lte(properties.lowStockThreshold()));
        List<LowStockBook> listed = mongo.find(Query.of(lowStock).with(Sort.by("stock", "title")).limit(LOW_STOCK_LISTED), Book.class)
                .stream().map(book -> new LowStockBook(book.id(), book.title(), book.stock())).toList();
        return new BookStats(mongo.count(new Query(), Book.class), properties.lowStockThreshold(),
                mongo.count(lowStock, Book.class), listed);
    }

    private UserStats userStats() {
        long admins = mongo.count(Query.query(where("role").is(Role.ADMIN.value())), User.class);
        long total = mongo.count(new Query(), User.class);
        return new UserStats(total, admins, total - admins);
    }

    private OrderStats orderStats() {
        Map<String, Totals> byStatus = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status.value(), new Totals(0, 0));
        }
        for (Document group : mongo.aggregate(Aggregation.newAggregation(
                Aggregation.group("status").count().as("orders").sum("total").as("revenue")), Order.class, Document.class)) {
            byStatus.put(String.valueOf(group.get("_id")), totals(group));
        }
        long orders = byStatus.values().stream().mapToLong(Totals::orders).sum();
        long revenue = byStatus.entrySet().stream().filter(e -> !e.getKey().equals(OrderStatus.CANCELLED.value()))
                .mapToLong(e -> e.getValue().revenue()).sum();
        return new OrderStats(orders, revenue, byStatus);
    }

    private Totals today() {
        Instant midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
        Criteria sinceMidnight = where("createdAt").gte(midnight).and("status").ne(OrderStatus.CANCELLED.value());
        Document group = mongo.aggregate(Aggregation.newAggregation(Aggregation.match(sinceMidnight),
                Aggregation.group().count().as("orders").sum("total").as("revenue")), Order.class, Document.class)
                .getUniqueMappedResult();
        return group == null ? new Totals(0, 0) : totals(group);
    }

    private static Totals totals(Document group) {
        return new Totals(((Number) group.get("orders")).longValue(), ((Number) group.get("revenue")).longValue());
    }
}
