package live.bookhub.watcher.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.Envelope;
import live.bookhub.watcher.stock.LowStockAlerts;
import live.bookhub.watcher.stock.LowStockProperties;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The envelope of a change as it is appended (and replayed): {@link ChangeEnvelopes}' mapping with
 * {@code data} capped in size ({@code bookhub.watcher.max-data-size}); appended, it is followed by the
 * events derived from it (a low-stock alert).
 */
@Component
public class EnvelopeMapper {

    private final DataLimit limit;
    private final LowStockAlerts alerts;
    private final Counter truncated;

    @Autowired
    EnvelopeMapper(WatcherProperties properties, LowStockAlerts alerts, MeterRegistry meters) {
        this(properties.maxDataSize(), alerts, meters);
    }

    /** With the default low-stock threshold. */
    public EnvelopeMapper(DataSize maxDataSize, MeterRegistry meters) {
        this(maxDataSize, new LowStockAlerts(new LowStockProperties(LowStockProperties.DEFAULT_THRESHOLD)), meters);
    }

    private EnvelopeMapper(DataSize maxDataSize, LowStockAlerts alerts, MeterRegistry meters) {
        this.limit = new DataLimit(maxDataSize.toBytes());
        this.alerts = alerts;
        this.truncated = Counter.builder("bookhub.watcher.events.truncated")
                .description("Envelopes whose data was cut down to the id: too large, or not mappable")
                .register(meters);
    }

    public <T extends Bson> Optional<Envelope> toEnvelope(String collection, ChangeStreamDocument<T> change) {
        Optional<Envelope> envelope = ChangeEnvelopes.toEnvelope(collection, change)
                .map(mapped -> limit.apply(mapped, ChangeEnvelopes.sourceBytes(collection, change)));
        envelope.filter(mapped -> Boolean.TRUE.equals(mapped.truncated())).ifPresent(mapped -> truncated.increment());
        return envelope;
    }

    /** What a change appends, in order: its envelope, if any, then the events derived from it. */
    public <T extends Bson> List<Envelope> toEnvelopes(String collection, ChangeStreamDocument<T> change) {
        List<Envelope> envelopes = new ArrayList<>(2);
        toEnvelope(collection, change).ifPresent(envelope -> {
            envelopes.add(envelope);
            alerts.alertFor(envelope).ifPresent(envelopes::add);
        });
        return envelopes;
    }
}
