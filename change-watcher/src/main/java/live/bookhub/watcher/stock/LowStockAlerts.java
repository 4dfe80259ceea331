package live.bookhub.watcher.stock;

import java.math.BigDecimal;
import java.util.Optional;

import live.bookhub.events.Envelope;
import live.bookhub.events.EventType;
import live.bookhub.events.Topics;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the admins' low-stock alerts from a book's update: {@code book:low-stock} when its stock
 * crossed down to the threshold or below, {@code book:restocked} when it crossed back above. Judged on
 * the update's own before and after ({@link Envelope#before()} and {@code data}), so each crossing gives
 * one alert; an update that does not change the stock (by its {@code changed}: a replace changes it all),
 * or whose old stock is unknown (no pre-image), or not a number, gives none.
 *
 * <p>The alert is appended right after its change with the change's token and {@link #TOKEN_SUFFIX}:
 * {@code !} sorts below every hex digit, so that token is newer than the change's and older than any
 * later change's, and the append script's per-token idempotency appends it once, also when the change
 * is read again after a crash.
 */
@Component
public class LowStockAlerts {

    /** What an alert's token adds to its change's (after the {@code !} that marks a derived event's token). */
    public static final String TOKEN_SUFFIX = "!low-stock";

    private final int threshold;

    public LowStockAlerts(LowStockProperties properties) {
        this.threshold = properties.threshold();
    }

    /** The alert a mapped change gives, if any. */
    public Optional<Envelope> alertFor(Envelope change) {
        if (!Topics.BOOKS.equals(change.topic()) || !EventType.BOOK_UPDATED.wireName().equals(change.type())
                || change.before() == null || change.data() == null || Boolean.TRUE.equals(change.truncated())) {
            return Optional.empty();
        }
        if (change.changed() != null && change.changed().stream().noneMatch(field -> field.equals("stock") || field.startsWith("stock."))) {
            // data holds the document as looked up later: a stock it shows may be a later change's, with its own alert
            return Optional.empty();
        }
        JsonNode before = change.before().path("stock");
        JsonNode after = change.data().path("stock");
        if (!isFinite(before) || !isFinite(after)) {
            return Optional.empty();
        }
        boolean isLow = isLow(after);
        if (isLow(before) == isLow) {
            return Optional.empty();
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (String field : new String[] {"id", "title"}) {
            if (change.data().has(field)) {
                data.set(field, change.data().get(field));
            }
        }
        data.set("stock", after);
        data.put("threshold", threshold);
        return Optional.of(new Envelope(null, (isLow ? EventType.BOOK_LOW_STOCK : EventType.BOOK_RESTOCKED).wireName(), Topics.ADMIN,
                change.ts(), change.token() + TOKEN_SUFFIX, data, null, null));
    }

    /** A number a DBA may have written as NaN or Infinity is no stock. */
    private static boolean isFinite(JsonNode stock) {
        return stock.isNumber() && (stock.isIntegralNumber() || stock.isBigDecimal() || Double.isFinite(stock.asDouble()));
    }

    private boolean isLow(JsonNode stock) {
        return stock.decimalValue().compareTo(BigDecimal.valueOf(threshold)) <= 0;
    }
}
