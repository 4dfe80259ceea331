package live.bookhub.watcher.envelope;

import java.util.Optional;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import live.bookhub.events.Envelope;
import live.bookhub.watcher.system.WatcherProperties;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The envelope of a change as it is appended (and replayed): {@link ChangeEnvelopes}' mapping with
 * {@code data} capped in size ({@code bookhub.watcher.max-data-size}).
 */
@Component
public class EnvelopeMapper {

    private final DataLimit limit;
    private final Counter truncated;

    @Autowired
    EnvelopeMapper(WatcherProperties properties, MeterRegistry meters) {
        this(properties.maxDataSize(), meters);
    }

    public EnvelopeMapper(DataSize maxDataSize, MeterRegistry meters) {
        this.limit = new DataLimit(maxDataSize.toBytes());
        this.truncated = Counter.builder("bookhub.watcher.events.truncated")
                .description("Envelopes whose data was cut down to the id: too large, or not mappable")
                .register(meters);
    }

    public <T extends Bson> Optional<Envelope> toEnvelope(String collection, ChangeStreamDocument<T> change) {
        Optional<Envelope> envelope = ChangeEnvelopes.toEnvelope(collection, change).map(limit::apply);
        envelope.filter(mapped -> Boolean.TRUE.equals(mapped.truncated())).ifPresent(mapped -> truncated.increment());
        return envelope;
    }
}
