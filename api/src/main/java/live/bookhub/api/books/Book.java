package live.bookhub.api.books;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document of the {@code books} collection and its REST shape. The change-watcher maps raw
 * documents to this same shape ({@code _id} → {@code id}, dates → ISO-8601), so the names are a
 * contract. Prices are in cents.
 */
@Document("books")
public record Book(
        @Id String id,
        String title,
        String author,
        int price,
        int stock,
        String genre,
        Integer year,
        String isbn,
        String description,
        String coverUrl,
        Instant createdAt,
        Instant updatedAt) {
}
