package live.bookhub.faults;

import java.util.List;

/**
 * Redis restarted without persistence: it comes back empty (stream, last tokens, fence). The watcher
 * refills the stream from its MongoDB checkpoint with new ids. Clients that were away resume with ids
 * of the lost stream: the case the stream epoch of issue 11 is for.
 */
final class RedisAmnesia implements Fault {

    @Override
    public String name() {
        return "redis-amnesia";
    }

    @Override
    public String description() {
        return "every 5th client leaves; 3 s later Redis is stopped, its data deleted and started again empty (a restart without persistence); the clients come back with positions from the lost stream";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        long start = System.currentTimeMillis();
        List<FaultClient> away = context.fleet().takeOffline(RedisOutage.LEAVING_EVERY);
        FaultContext.pause(RedisOutage.AWAY_BEFORE);
        context.stack().restartRedisEmpty();
        away.forEach(FaultClient::comeBack);
        String notes = Recovery.await(context, away.size() + " clients away across the restart");
        return notes + "; " + ClientFleet.resetSince(away, start) + " of them and " + ClientFleet.resetSince(context.fleet().clients(), start)
                + " clients in all got a reset";
    }
}
