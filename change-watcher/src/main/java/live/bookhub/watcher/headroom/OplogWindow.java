package live.bookhub.watcher.headroom;

import org.bson.BsonTimestamp;

/**
 * The history the oplog holds: the cluster times of its oldest and its newest entry.
 *
 * @param oldest the oldest entry still held: a change stream can resume at or after it
 * @param newest the latest write
 */
record OplogWindow(BsonTimestamp oldest, BsonTimestamp newest) {

    /**
     * How far a resume position is from falling off: seconds of oplog between the oldest entry and the
     * position (at the current write rate, about how long a stopped reader may stay stopped), and that
     * as a fraction of the whole window (1: at the newest entry; 0: at or past the oldest, lost).
     */
    Headroom headroomOf(BsonTimestamp position) {
        long seconds = (long) position.getTime() - oldest.getTime();
        long window = (long) newest.getTime() - oldest.getTime();
        if (seconds < 0 || position.compareTo(oldest) < 0) {
            return new Headroom(0, 0);
        }
        double ratio = window == 0 ? 1 : Math.min(1, (double) seconds / window);
        return new Headroom(seconds, ratio);
    }

    /**
     * @param seconds seconds of oplog before the position, 0 when it has fallen off
     * @param ratio   the fraction of the oplog window before the position, from 0 to 1
     */
    record Headroom(double seconds, double ratio) {

        static final Headroom UNKNOWN = new Headroom(Double.NaN, Double.NaN);
    }
}
