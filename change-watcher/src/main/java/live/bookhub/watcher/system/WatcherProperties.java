package live.bookhub.watcher.system;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import live.bookhub.events.EventStream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The change-watcher's settings ({@code bookhub.watcher.*}); each is described in the README.
 *
 * @param database           the MongoDB database whose collections are watched
 * @param collections        the collections to watch, each with its own change stream and checkpoint
 * @param streamMaxLength    how many entries the Redis stream keeps (the append script trims once 1% over)
 * @param maxAwaitTime       how long one empty read of the change stream waits on the server
 * @param batchSize          how many changes one read of the change stream returns at most, and one append to Redis takes
 * @param batchBytes         how many bytes of documents (as read, the document and its pre-image) one append to Redis takes:
 *                           the change that reaches it ends the batch, so big documents cannot pile up in memory
 * @param checkpointInterval how often the stream's position is stored: after an append once this long has passed since
 *                           the last checkpoint, and on an idle stream its post-batch position
 * @param checkpointChanges  how many changes appended since the last checkpoint store the position sooner
 * @param retryMin           the first pause after a failure; doubled on each failure in a row
 * @param retryMax           the longest pause between retries
 * @param maxDataSize        an envelope whose {@code data} is larger (as JSON) carries only the id, flagged {@code truncated}
 * @param leaseTtl           how long the leader's lease lasts unrenewed; a standby takes over after it
 * @param leaseRenewInterval how often the leader renews its lease and a standby tries to take it
 * @param replicaName        this replica's name in the lease; blank for {@code <host>:<pid>}
 * @param mongoServerSelectionTimeout how long a MongoDB operation waits for a reachable server before it fails
 */
@ConfigurationProperties("bookhub.watcher")
public record WatcherProperties(
        @DefaultValue("bookhub") String database,
        @DefaultValue({"books", "orders", "users"}) List<String> collections,
        @DefaultValue("" + EventStream.DEFAULT_MAX_LENGTH) long streamMaxLength,
        @DefaultValue("1s") Duration maxAwaitTime,
        @DefaultValue("500") int batchSize,
        @DefaultValue("8MB") DataSize batchBytes,
        @DefaultValue("10s") Duration checkpointInterval,
        @DefaultValue("10000") int checkpointChanges,
        @DefaultValue("100ms") Duration retryMin,
        @DefaultValue("5s") Duration retryMax,
        @DefaultValue(DEFAULT_MAX_DATA_SIZE) DataSize maxDataSize,
        @DefaultValue("6s") Duration leaseTtl,
        @DefaultValue("2s") Duration leaseRenewInterval,
        @DefaultValue("") String replicaName,
        @DefaultValue("5s") Duration mongoServerSelectionTimeout) {

    /** Shared with the replay command, which runs without Spring. */
    public static final String DEFAULT_MAX_DATA_SIZE = "256KB";

    public WatcherProperties {
        if (leaseRenewInterval.multipliedBy(2).compareTo(leaseTtl) > 0) {
            throw new IllegalArgumentException("bookhub.watcher.lease-ttl (" + leaseTtl
                    + ") must be at least twice bookhub.watcher.lease-renew-interval (" + leaseRenewInterval
                    + "): a leader stops publishing one renew interval before its lease ends");
        }
        if (replicaName.isBlank()) {
            // RuntimeMXBean's name is "<pid>@<host>": unique per process, readable in the lease document.
            String[] pidAtHost = ManagementFactory.getRuntimeMXBean().getName().split("@", 2);
            replicaName = pidAtHost.length == 2 ? pidAtHost[1] + ":" + pidAtHost[0] : pidAtHost[0];
        }
    }

    /** How long after a renewal started the leader may still publish: one renew interval less than the lease. */
    public Duration publishWindow() {
        return leaseTtl.minus(leaseRenewInterval);
    }
}
