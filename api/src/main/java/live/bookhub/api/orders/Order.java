package live.bookhub.api.orders;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document of the {@code orders} collection and its REST shape. {@code userId} is the owner's
 * id as a hex string: the change-watcher routes the order's events to topic {@code orders:<userId>}.
 * Prices and total in cents, as the catalog had them at checkout.
 */
@Document("orders")
public record Order(
        @Id String id,
        String userId,
        List<Item> items,
        int total,
        OrderStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public record Item(String bookId, String title, int price, int quantity) {
    }
}
