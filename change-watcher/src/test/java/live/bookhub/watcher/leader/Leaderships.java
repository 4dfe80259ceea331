package live.bookhub.watcher.leader;

import java.time.Duration;
import java.time.Instant;

/** Leaderships in a given standing, for tests of what appends them. */
public final class Leaderships {

    private Leaderships() {
    }

    /** A replica leading in {@code epoch} with a publish window far longer than any test. */
    public static Leadership leading(String replica, long epoch) {
        Leadership leadership = new Leadership(replica, Duration.ofHours(1));
        leadership.lead(new Lease(replica, epoch, Instant.now().plusSeconds(3600)), System.nanoTime(), Instant.now());
        return leadership;
    }

    public static Leadership standby(String replica) {
        return new Leadership(replica, Duration.ofHours(1));
    }
}
