package live.bookhub.watcher.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import org.junit.jupiter.api.Test;

/** One alert per crossing of the threshold, judged on the update's own before and after. */
class LowStockAlertsTest {

    private final LowStockAlerts alerts = new LowStockAlerts(new LowStockProperties(3));

    @Test
    void crossingDownToTheThresholdOrBelowIsLowStockAndBackAboveIsRestocked() {
        assertThat(type(update("5", "3"))).contains("book:low-stock");
        assertThat(type(update("5", "0"))).contains("book:low-stock");
        assertThat(type(update("3", "2"))).isEmpty();
        assertThat(type(update("2", "8"))).contains("book:restocked");
        assertThat(type(update("8", "9"))).isEmpty();
        assertThat(type(update("4", "4"))).isEmpty();
    }

    @Test
    void theAlertNamesTheBookAndFollowsItsChangesToken() {
        Envelope alert = alerts.alertFor(update("5", "3")).orElseThrow();

        assertThat(alert.topic()).isEqualTo("admin");
        assertThat(alert.token()).isEqualTo("8263aa!low-stock");
        assertThat(alert.token()).isGreaterThan("8263aa").isLessThan("8263aa0").isLessThan("8263ab");
        assertThat(EnvelopeCodec.mapper().writeValueAsString(alert.data())).isEqualTo("{\"id\":\"b1\",\"title\":\"Dune\",\"stock\":3,\"threshold\":3}");
    }

    @Test
    void noAlertWithoutAKnownNumericStockOnBothSidesNorForOtherEvents() {
        assertThat(type(update("\"5\"", "3"))).isEmpty();
        assertThat(type(update("null", "3"))).isEmpty();
        assertThat(type(update("5", "\"none\""))).isEmpty();
        Envelope noBefore = new Envelope(null, "book:updated", "books", Instant.EPOCH, "t",
                EnvelopeCodec.mapper().readTree("{\"id\":\"b1\",\"stock\":1}"), List.of("stock"), null);
        assertThat(alerts.alertFor(noBefore)).isEmpty();
        Envelope created = new Envelope(null, "book:created", "books", Instant.EPOCH, "t",
                EnvelopeCodec.mapper().readTree("{\"id\":\"b1\",\"stock\":1}"), null, null);
        assertThat(alerts.alertFor(created)).isEmpty();
    }

    @Test
    void anUpdateOfAnotherFieldGivesNoneEvenWhenItsLookedUpDataShowsALaterStock() {
        Envelope priceChange = new Envelope(null, "book:updated", "books", Instant.EPOCH, "t",
                EnvelopeCodec.mapper().readTree("{\"id\":\"b1\",\"price\":900,\"stock\":1}"), List.of("price"), null,
                EnvelopeCodec.mapper().readTree("{\"price\":1000,\"stock\":6}"));
        assertThat(alerts.alertFor(priceChange)).isEmpty();
        Envelope replace = new Envelope(null, "book:updated", "books", Instant.EPOCH, "t",
                EnvelopeCodec.mapper().readTree("{\"id\":\"b1\",\"stock\":1}"), null, null, EnvelopeCodec.mapper().readTree("{\"stock\":6}"));
        assertThat(type(replace)).contains("book:low-stock");
    }

    private Optional<String> type(Envelope change) {
        return alerts.alertFor(change).map(Envelope::type);
    }

    private static Envelope update(String before, String after) {
        return new Envelope(null, "book:updated", "books", Instant.EPOCH, "8263aa",
                EnvelopeCodec.mapper().readTree("{\"id\":\"b1\",\"title\":\"Dune\",\"stock\":" + after + "}"), List.of("stock"), null,
                EnvelopeCodec.mapper().readTree("{\"stock\":" + before + "}"));
    }
}
