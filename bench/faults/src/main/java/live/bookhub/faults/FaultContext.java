package live.bookhub.faults;

import java.time.Duration;

import com.mongodb.client.MongoClient;

/** What a fault acts on and watches. */
record FaultContext(FaultSettings settings, FaultStack stack, ClientFleet fleet, SourceLog log, MongoClient mongo) {

    static final Duration RECOVERY = Duration.ofSeconds(120);

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis()); // the fault's own length: writes go on meanwhile
    }
}
