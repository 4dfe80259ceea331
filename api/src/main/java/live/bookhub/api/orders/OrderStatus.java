package live.bookhub.api.orders;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import live.bookhub.api.system.WireValue;

/**
 * An order's life: pending → paid → shipped → delivered, or cancelled before it ships (which
 * returns the stock). Stored and serialized lower-case.
 */
public enum OrderStatus implements WireValue {
    PENDING("pending"),
    PAID("paid"),
    SHIPPED("shipped"),
    DELIVERED("delivered"),
    CANCELLED("cancelled");

    private final String value;

    OrderStatus(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator
    public static OrderStatus of(String value) {
        return WireValue.parse(OrderStatus.class, value);
    }

    boolean canBecome(OrderStatus next) {
        return next().contains(next);
    }

    private Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(PAID, CANCELLED);
            case PAID -> Set.of(SHIPPED, CANCELLED);
            case SHIPPED -> Set.of(DELIVERED);
            case DELIVERED, CANCELLED -> Set.of();
        };
    }
}
