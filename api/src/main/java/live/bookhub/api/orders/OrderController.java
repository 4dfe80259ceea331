package live.bookhub.api.orders;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import live.bookhub.api.auth.CurrentUser;
import live.bookhub.api.system.Ids;
import live.bookhub.api.system.ProblemException;
import live.bookhub.api.system.ResultPage;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Checkout and the orders: customers see their own, admins see and move all of them. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final MongoTemplate mongo;
    private final Checkout checkout;

    OrderController(MongoTemplate mongo, Checkout checkout) {
        this.mongo = mongo;
        this.checkout = checkout;
    }

    record StatusForm(@NotNull OrderStatus status) {
    }

    @PostMapping
    ResponseEntity<Order> placeOrder(@Valid @RequestBody CheckoutForm form, @AuthenticationPrincipal CurrentUser caller) {
        Order order = checkout.placeOrder(caller.id(), form.items());
        return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
    }

    @GetMapping
    ResultPage<Order> listOrders(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Query query = new Query();
        if (!caller.isAdmin()) {
            query.addCriteria(where("userId").is(caller.id()));
        }
        if (status != null) {
            query.addCriteria(where("status").is(parseStatus(status).value()));
        }
        long total = mongo.count(query, Order.class);
        List<Order> orders = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt", "_id"))
                .skip((long) page * size).limit(size), Order.class);
        return ResultPage.of(orders, page, size, total);
    }

    @GetMapping("/{id}")
    Order showOrder(@PathVariable String id, @AuthenticationPrincipal CurrentUser caller) {
        Order order = mongo.findById(Ids.parse(id, "id"), Order.class);
        // Someone else's order answers like a missing one: ids of other customers' orders stay secret.
        if (order == null || !(caller.isAdmin() || order.userId().equals(caller.id()))) {
            throw ProblemException.notFound("id", "no order of yours has this id");
        }
        return order;
    }

    @PatchMapping("/{id}/status")
    Order changeStatus(@PathVariable String id, @Valid @RequestBody StatusForm form) {
        return checkout.changeStatus(Ids.parse(id, "id"), form.status());
    }

    private static OrderStatus parseStatus(String value) {
        try {
            return OrderStatus.of(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", e.getMessage());
        }
    }
}
