package live.bookhub.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import live.bookhub.infra.support.WatcherAdmin;
import org.bson.Document;

/**
 * A watcher behind a rolled oplog: both watchers stop, writes go on, a bulk load into a collection no
 * one watches pushes their position off the bounded oplog, and the watchers start again. The leader
 * cannot resume: it must say so with one {@code sync:reset} per collection and go on from now.
 */
final class OplogRolled implements Fault {

    private static final Duration STOP_BOUND = Duration.ofSeconds(30);
    /** Writes made while no watcher runs: lost with the oplog, so the reset must cover them. */
    private static final Duration DOWN_BEFORE_FLOOD = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "oplog-rolled";
    }

    @Override
    public String description() {
        return "both watchers stopped; 3 s of writes; a bulk load into an unwatched collection of 2.5 times the oplog's size; both started again";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        for (WatcherAdmin watcher : context.stack().watchers()) {
            watcher.process().stop(STOP_BOUND);
        }
        FaultContext.pause(DOWN_BEFORE_FLOOD);
        long bytes = flood(context, context.settings().oplogBytes() * 5 / 2);
        for (WatcherAdmin watcher : context.stack().watchers()) {
            watcher.process().start();
        }
        for (WatcherAdmin watcher : context.stack().watchers()) {
            watcher.process().awaitHealthy(FaultStack.START);
        }
        WatcherAdmin leader = context.stack().awaitLeader(FaultContext.RECOVERY);
        context.mongo().getDatabase("bookhub").getCollection("faults_flood").drop();
        return Recovery.await(context, String.format("%.1f MB loaded while the watchers were down; %s leads, %.0f resets appended",
                bytes / 1e6, leader.process().name(), leader.metric("bookhub_watcher_resets_total")));
    }

    private static long flood(FaultContext context, long bytes) {
        MongoCollection<Document> flood = context.mongo().getDatabase("bookhub").getCollection("faults_flood");
        String payload = "x".repeat(1000);
        long written = 0;
        while (written < bytes) {
            List<Document> page = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                page.add(new Document("payload", payload));
                written += payload.length();
            }
            flood.insertMany(page);
        }
        return written;
    }
}
