package live.bookhub.watcher.stock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The low-stock alerts' settings ({@code bookhub.watcher.low-stock.*}), described in the README.
 *
 * @param threshold a book with at most this many copies is low on stock: the api's
 *                  {@code bookhub.admin.low-stock-threshold}, and the same default
 */
@ConfigurationProperties("bookhub.watcher.low-stock")
public record LowStockProperties(@DefaultValue("" + LowStockProperties.DEFAULT_THRESHOLD) int threshold) {

    /** The api's default too: the admin dashboard's count of low-stock books and these alerts agree. */
    public static final int DEFAULT_THRESHOLD = 5;
}
