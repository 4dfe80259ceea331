package live.bookhub.api.orders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "pending, paid, true", "pending, cancelled, true", "pending, shipped, false", "pending, delivered, false",
            "paid, shipped, true", "paid, cancelled, true", "paid, pending, false", "paid, delivered, false",
            "shipped, delivered, true", "shipped, cancelled, false", "shipped, paid, false",
            "delivered, cancelled, false", "delivered, shipped, false",
            "cancelled, pending, false", "cancelled, paid, false", "pending, pending, false"})
    void onlyForwardStepsAndCancellationBeforeShippingAreLegal(String from, String to, boolean legal) {
        assertThat(OrderStatus.of(from).canBecome(OrderStatus.of(to))).isEqualTo(legal);
    }
}
