package live.bookhub.api.orders;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document of the {@code orders} collection and its REST shape. {@code userId} is the owner's
 * id as a hex string: the change-watcher routes the order's events to topic {@code orders:<userId>}.
 * Prices and total in cents, as the catalog had them at checkout. {@code status} is kept as stored,
 * one of {@link OrderStatus}'s values when the api wrote it: a DBA or a migration may write others
 * (mongosh accepts anything), and an order the api cannot classify is still listed, as the live
 * events show it, rather than failing every list that holds it.
 */
@Document("orders")
public record Order(
        @Id String id,
        String userId,
        List<Item> items,
        int total,
        String status,
        Instant createdAt,
        Instant updatedAt) {

    /** The status, if it is one the api knows; orders in another can be read but not moved on. */
    public Optional<OrderStatus> knownStatus() {
        return Arrays.stream(OrderStatus.values()).filter(known -> known.value().equals(status)).findFirst();
    }

    public record Item(String bookId, String title, int price, int quantity) {
    }
}
