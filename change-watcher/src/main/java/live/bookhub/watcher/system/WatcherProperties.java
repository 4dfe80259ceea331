package live.bookhub.watcher.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change-watcher's settings ({@code bookhub.watcher.*}); each is described in the README.
 *
 * @param database           the MongoDB database whose collections are watched
 * @param collections        the collections to watch, each with its own change stream and checkpoint
 * @param streamMaxLength    roughly how many entries the Redis stream keeps ({@code MAXLEN ~})
 * @param maxAwaitTime       how long one empty read of the change stream waits on the server
 * @param batchSize          how many changes one read of the change stream returns at most
 * @param checkpointInterval how often an idle watcher stores the stream's post-batch position
 * @param retryMin           the first pause after a failure; doubled on each failure in a row
 * @param retryMax           the longest pause between retries
 */
@ConfigurationProperties("bookhub.watcher")
public record WatcherProperties(
        @DefaultValue("bookhub") String database,
        @DefaultValue({"books", "orders"}) List<String> collections,
        @DefaultValue("100000") long streamMaxLength,
        @DefaultValue("1s") Duration maxAwaitTime,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration checkpointInterval,
        @DefaultValue("100ms") Duration retryMin,
        @DefaultValue("5s") Duration retryMax) {
}
