package live.bookhub.api.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import live.bookhub.api.books.Book;
import live.bookhub.api.system.MongoTransactions;
import live.bookhub.api.system.ProblemException;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Stock moving between the catalog and orders: the one place where a request writes several
 * documents. Each book's stock is taken by a single conditional update ({@code stock >= quantity}),
 * so concurrent checkouts can never oversell. Where the deployment has transactions, a checkout
 * or a cancellation runs in one; elsewhere (the embedded server) what a failed checkout already
 * took is given back, so it changes nothing in the end.
 */
@Component
class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);

    private final MongoTemplate mongo;
    private final MongoTransactions transactions;
    private final Clock clock;

    Checkout(MongoTemplate mongo, MongoTransactions transactions, Clock clock) {
        this.mongo = mongo;
        this.transactions = transactions;
        this.clock = clock;
    }

    Order placeOrder(String userId, List<CheckoutForm.Line> lines) {
        Order order = transactions.supported()
                ? transactions.inTransaction(ops -> place(ops, userId, lines, false))
                : place(mongo, userId, lines, true);
        log.info("order {} placed by user {}: {} items, total {}", order.id(), userId, order.items().size(), order.total());
        return order;
    }

    /** Moves an order one legal step on; cancelling returns its stock to the catalog. */
    Order changeStatus(ObjectId orderId, OrderStatus next) {
        Order order = mongo.findById(orderId, Order.class);
        if (order == null) {
            throw ProblemException.notFound("id", "no order has this id");
        }
        OrderStatus current = order.knownStatus().orElseThrow(() -> ProblemException.conflict("status",
                "is " + order.status() + ", which the api does not know (written outside it): change it in the database"));
        if (!current.canBecome(next)) {
            throw ProblemException.conflict("status", "cannot change from " + current.value() + " to " + next.value());
        }
        Order changed = transactions.supported()
                ? transactions.inTransaction(ops -> transition(ops, order, next, true))
                : transition(mongo, order, next, false);
        log.info("order {} changed from {} to {}", order.id(), current.value(), next.value());
        return changed;
    }

    private Order place(MongoOperations ops, String userId, List<CheckoutForm.Line> lines, boolean compensate) {
        Instant now = clock.instant();
        List<Order.Item> taken = new ArrayList<>();
        try {
            List<String> requested = new ArrayList<>();
            for (Map.Entry<String, Integer> line : merge(lines, requested).entrySet()) {
                String field = "items[" + requested.indexOf(line.getKey()) + "]";
                Book book = ops.findAndModify(
                        Query.query(where("_id").is(new ObjectId(line.getKey())).and("stock").gte(line.getValue())),
                        new Update().inc("stock", -line.getValue()).set("updatedAt", now),
                        FindAndModifyOptions.options().returnNew(true), Book.class);
                if (book == null) {
                    throw unavailable(ops, line.getKey(), field);
                }
                taken.add(new Order.Item(book.id(), book.title(), book.price(), line.getValue()));
            }
            long total = taken.stream().mapToLong(item -> (long) item.price() * item.quantity()).sum();
            if (total > Integer.MAX_VALUE) {
                throw ProblemException.badRequest("items", "the order total is too large; split the order");
            }
            return ops.insert(new Order(new ObjectId().toHexString(), userId, taken, (int) total, OrderStatus.PENDING.value(), now, now));
        } catch (RuntimeException e) {
            if (compensate) {
                restock(ops, taken, false);
            }
            throw e;
        }
    }

    private Order transition(MongoOperations ops, Order order, OrderStatus next, boolean inTransaction) {
        // Conditional on the status read: of two concurrent changes only one applies, so stock
        // is never returned twice.
        Order changed = ops.findAndModify(
                Query.query(where("_id").is(new ObjectId(order.id())).and("status").is(order.status())),
                new Update().set("status", next.value()).set("updatedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), Order.class);
        if (changed == null) {
            throw ProblemException.conflict("status", "the order changed meanwhile; reload it and retry");
        }
        if (next == OrderStatus.CANCELLED) {
            restock(ops, order.items(), inTransaction);
        }
        return changed;
    }

    /** Same book twice in a cart: one line with the sum, kept where it first appeared. */
    private static Map<String, Integer> merge(List<CheckoutForm.Line> lines, List<String> requested) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (CheckoutForm.Line line : lines) {
            String id = line.bookId().toLowerCase(Locale.ROOT);
            requested.add(id);
            merged.merge(id, line.quantity(), Integer::sum);
        }
        return merged;
    }

    private static ProblemException unavailable(MongoOperations ops, String bookId, String field) {
        Book book = ops.findById(new ObjectId(bookId), Book.class);
        if (book == null) {
            return ProblemException.notFound(field + ".bookId", "no book has this id");
        }
        return ProblemException.conflict(field + ".quantity", "only " + Math.max(0, book.stock()) + " of \"" + book.title() + "\" in stock");
    }

    /**
     * Gives stock back. In a transaction a failure aborts it all; outside one each book is tried on
     * its own and a failure is logged with what an operator must fix by hand.
     */
    private void restock(MongoOperations ops, List<Order.Item> items, boolean inTransaction) {
        for (Order.Item item : items) {
            try {
                ops.updateFirst(Query.query(where("_id").is(new ObjectId(item.bookId()))),
                        new Update().inc("stock", item.quantity()).set("updatedAt", clock.instant()), Book.class);
            } catch (RuntimeException e) {
                if (inTransaction) {
                    throw e;
                }
                log.error("could not return {} of book {} to stock: {}", item.quantity(), item.bookId(), e.toString());
            }
        }
    }
}
