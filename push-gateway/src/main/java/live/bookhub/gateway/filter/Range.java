package live.bookhub.gateway.filter;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An inclusive range of a numeric field; either bound may be absent. Bounds are kept without trailing
 * zeros, so {@code 10} and {@code 10.0} make the same filter (and the same group).
 */
record Range(BigDecimal min, BigDecimal max) {

    Range {
        min = min == null ? null : min.stripTrailingZeros();
        max = max == null ? null : max.stripTrailingZeros();
    }

    /** A value that is not a finite number (missing, a string written from mongosh, Infinity) is in no range. */
    boolean contains(JsonNode value) {
        if (!value.isNumber() || value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.asDouble())) {
            return false;
        }
        BigDecimal number = value.isIntegralNumber() && value.canConvertToLong()
                ? BigDecimal.valueOf(value.asLong()) : value.decimalValue();
        return (min == null || number.compareTo(min) >= 0) && (max == null || number.compareTo(max) <= 0);
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (min != null) {
            json.set("min", number(min));
        }
        if (max != null) {
            json.set("max", number(max));
        }
        return json;
    }

    /** Whole numbers as integers: {@code 1000}, not {@code 1E+3}. */
    private static JsonNode number(BigDecimal value) {
        return value.scale() <= 0 ? JsonNodeFactory.instance.numberNode(value.toBigIntegerExact())
                : JsonNodeFactory.instance.numberNode(value);
    }
}
