package live.bookhub.embedded.mongo;

import java.time.Clock;

import de.bwaldvogel.mongo.bson.BsonTimestamp;

/**
 * Hands out oplog timestamps as a replica set primary does: wall-clock seconds plus an increment
 * within the second, strictly increasing even when the wall clock stalls or goes back (or when the
 * last timestamp was persisted by an earlier run on a faster clock).
 */
final class ClusterClock {

    private final Clock clock;
    private long last;

    ClusterClock(Clock clock, long last) {
        this.clock = clock;
        this.last = last;
    }

    /** Not thread-safe: the oplog calls it under its append lock. */
    BsonTimestamp next() {
        long seconds = clock.instant().getEpochSecond();
        last = seconds > (last >>> 32) ? (seconds << 32) | 1 : last + 1;
        return new BsonTimestamp(last);
    }

    Clock clock() {
        return clock;
    }
}
