package live.bookhub.api.system;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum stored and serialized as a lower-case value ({@code admin}, {@code paid}) that the JWT,
 * the gateways, mongosh and the web client share; {@link MongoConfig} stores every such enum this way.
 */
public interface WireValue {

    String value();

    /**
     * The constant of {@code type} whose value is {@code value}.
     *
     * @throws IllegalArgumentException naming the values there are
     */
    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String value) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.value().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(constants).map(WireValue::value).collect(Collectors.joining(", ")));
    }
}
