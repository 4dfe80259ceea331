package live.bookhub.faults;

import java.time.Duration;
import java.util.List;

/**
 * Redis stopped (SIGTERM; it keeps its append-only file) for a while, then started again. A share of
 * the clients leave just before and come back while Redis is down: they retry until they resume.
 */
final class RedisOutage implements Fault {

    /** Every this-many-th client leaves for the outage. */
    static final int LEAVING_EVERY = 5;
    /** Gone this long before Redis stops, so they miss events that are in the stream. */
    static final Duration AWAY_BEFORE = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "redis-outage";
    }

    @Override
    public String description() {
        return "every 5th client leaves; 3 s later Redis is stopped (append-only file kept), the clients try to come back, and Redis starts again after the outage";
    }

    @Override
    public String inject(FaultContext context) throws Exception {
        List<FaultClient> away = context.fleet().takeOffline(LEAVING_EVERY);
        FaultContext.pause(AWAY_BEFORE);
        context.stack().local().redis().stop();
        away.forEach(FaultClient::comeBack);
        FaultContext.pause(context.settings().redisOutage());
        context.stack().local().redis().start();
        return Recovery.await(context, away.size() + " clients away, back during the outage; Redis down "
                + FaultContext.seconds(context.settings().redisOutage()));
    }
}
