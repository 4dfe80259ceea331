package live.bookhub.watcher.leader;

import java.util.List;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The fence: the newest lease epoch Redis has seen take over or append, under {@value #KEY}. A new
 * leader raises it before it reads where to start ({@code scripts/raise-fence.lua}), and the append
 * script refuses an epoch older than it ({@code scripts/append-event.lua}, which raises it too), so a
 * leader that was paused (GC, SIGSTOP, a partition) and still believes it leads can never append
 * after a takeover. The lease in MongoDB says who should lead; the fence makes sure no one else does.
 */
@Component
public class RedisFence {

    /** The newest lease epoch that took over or appended; appends of older epochs are refused. */
    public static final String KEY = "bookhub:watcher:epoch";
    /** How the append script's refusal begins. */
    private static final String REFUSAL = "FENCED";

    private final StringRedisTemplate redis;
    private final RedisScript<String> raiseScript = RedisScript.of(new ClassPathResource("scripts/raise-fence.lua"), String.class);

    public RedisFence(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Makes Redis refuse appends of every older term.
     *
     * @return the fence now: {@code epoch}, or a newer epoch Redis had seen already
     */
    public long raise(long epoch) {
        return Long.parseLong(redis.execute(raiseScript, List.of(KEY), String.valueOf(epoch)));
    }

    /** A failed append: a {@link NotLeaderException} when the fence refused it, else the failure as it is. */
    public static RuntimeException refusalOrItself(DataAccessException failure) {
        String cause = NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
        return cause != null && cause.contains(REFUSAL) ? new NotLeaderException("Redis refused the append: " + cause) : failure;
    }
}
