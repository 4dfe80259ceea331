package live.bookhub.api.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin panel.
 *
 * @param lowStockThreshold a book with at most this many copies counts as low on stock
 */
@ConfigurationProperties("bookhub.admin")
public record AdminProperties(@DefaultValue("5") int lowStockThreshold) {
}
