package live.bookhub.faults;

import java.util.List;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.WatcherAdmin;
import tools.jackson.databind.JsonNode;

/**
 * A client further behind than the stream holds: a share of the clients leave, a migration in mongosh
 * writes more orders than the bounded stream keeps (for a customer no client reads, so the others are
 * not flooded), and the clients come back with positions the stream has trimmed.
 */
final class StreamTrimmed implements Fault {

    static final long SEQ_BASE = 20_000_000;
    static final String NOBODY = "faultsflood";
    private static final int LEAVING_EVERY = 10;

    @Override
    public String name() {
        return "stream-trimmed";
    }

    @Override
    public String description() {
        return "every 10th client leaves; mongosh inserts twice the stream's length of orders of a customer no client reads; the clients come back behind the trimmed stream";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        long start = System.currentTimeMillis();
        List<FaultClient> away = context.fleet().takeOffline(LEAVING_EVERY);
        int count = 2 * context.settings().streamMaxLength() + 500;
        WatcherAdmin leader = context.stack().awaitLeader(FaultContext.RECOVERY);
        double appended = leader.metric("bookhub_watcher_events_appended_total", "type=\"order:created\"");
        String script = "const first = " + SEQ_BASE + "; const t0 = Date.now();"
                + "for (let s = first; s < first + " + count + "; s += 500) {"
                + "  const page = []; for (let i = s; i < Math.min(s + 500, first + " + count + "); i++) {"
                + "    page.push({userId: '" + NOBODY + "', status: 'migrated', items: [], total: 0, seq: i}); }"
                + "  db.orders.insertMany(page); }"
                + "print(JSON.stringify({first: first, count: " + count + ", t0: t0, t1: Date.now()}));";
        JsonNode flood = EnvelopeCodec.mapper().readTree(Mongosh.eval(context.stack().local().mongoUri(), script));
        for (long seq = SEQ_BASE; seq < SEQ_BASE + count; seq++) {
            context.log().record(new Write(seq, "mongosh", "order:created", "orders:" + NOBODY, "", flood.path("t0").asLong(),
                    flood.path("t1").asLong(), true));
        }
        long deadline = System.nanoTime() + FaultContext.RECOVERY.toNanos();
        while (leader.metric("bookhub_watcher_events_appended_total", "type=\"order:created\"") < appended + count
                && System.nanoTime() < deadline) {
            Thread.sleep(500); // the watcher appends the migration at its own pace
        }
        away.forEach(FaultClient::comeBack);
        String notes = Recovery.await(context, away.size() + " clients away while " + count + " orders were appended (stream keeps ~"
                + context.settings().streamMaxLength() + ")");
        return notes + "; " + ClientFleet.resetSince(away, start) + " of them got a reset";
    }

}
