package live.bookhub.watcher.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import live.bookhub.events.AppendScript;
import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import live.bookhub.events.EventStream;
import live.bookhub.watcher.leader.Leadership;
import live.bookhub.watcher.leader.NotLeaderException;
import live.bookhub.watcher.leader.RedisFence;
import live.bookhub.watcher.system.WatcherProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Appends envelopes to the Redis stream and publishes them, atomically and idempotently per change
 * stream ({@link AppendScript}), and only while this replica leads: locally it checks the lease's
 * publish window, and Redis refuses the epoch of a term that was taken over ({@link RedisFence}). The
 * same step gives the stream a new epoch whenever it has to create it.
 */
@Component
public class RedisEventAppender {

    private static final Logger log = LoggerFactory.getLogger(RedisEventAppender.class);
    private static final String LAST_TOKEN_KEY = "bookhub:watcher:last-token:";

    private final StringRedisTemplate redis;
    private final RedisScript<String> appendScript;
    private final Leadership leadership;
    private final WatcherProperties properties;
    private final MeterRegistry meters;
    private final Timer lag;
    private final Counter duplicates;

    RedisEventAppender(StringRedisTemplate redis, Leadership leadership, WatcherProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.appendScript = RedisScript.of(AppendScript.text(), String.class);
        this.leadership = leadership;
        this.properties = properties;
        this.meters = meters;
        this.lag = Timer.builder("bookhub.watcher.lag")
                .description("Time from the change's cluster time to its append to Redis")
                .publishPercentileHistogram()
                .register(meters);
        this.duplicates = Counter.builder("bookhub.watcher.events.skipped")
                .description("Changes read again after a restart and not appended twice")
                .register(meters);
    }

    /**
     * @param source the change stream the envelope comes from (one last-token per stream)
     * @return the stream id, or empty when this change had been appended already
     * @throws NotLeaderException when this replica may not publish (any more)
     */
    public Optional<String> append(String source, Envelope envelope) {
        return Optional.ofNullable(execute(source, envelope, false));
    }

    /**
     * Appends a {@code sync:reset} whose token becomes the stream's position whatever the last token:
     * after lost history the stream restarts from now, and "now" may sort before the lost position when
     * it belongs to another deployment.
     */
    public String appendReset(String source, Envelope reset) {
        return execute(source, reset, true);
    }

    /** The token of the last change appended from this change stream, if any. */
    public Optional<String> lastAppendedToken(String source) {
        return Optional.ofNullable(redis.opsForValue().get(LAST_TOKEN_KEY + source));
    }

    private String execute(String source, Envelope envelope, boolean reset) {
        long epoch = leadership.epochForPublishing();
        String id;
        try {
            id = redis.execute(appendScript, List.of(EventStream.KEY, LAST_TOKEN_KEY + source, RedisFence.KEY, EventStream.EPOCH_KEY),
                    String.valueOf(properties.streamMaxLength()), EnvelopeCodec.toJson(envelope), envelope.token(),
                    EventStream.CHANNEL, String.valueOf(epoch), reset ? "reset" : "change", AppendScript.candidateEpoch());
        } catch (DataAccessException e) {
            throw RedisFence.refusalOrItself(e);
        }
        if (id == null) {
            duplicates.increment();
            log.atDebug().addKeyValue("collection", source).addKeyValue("resumeToken", envelope.token())
                    .log("skipped change {} of {}: appended already", envelope.token(), source);
            return null;
        }
        meters.counter("bookhub.watcher.events.appended", "type", envelope.type()).increment();
        lag.record(Duration.between(envelope.ts(), Instant.now()));
        log.atDebug().addKeyValue("collection", source).addKeyValue("resumeToken", envelope.token()).addKeyValue("eventId", id)
                .log("appended {} {} as {}", envelope.type(), envelope.token(), id);
        return id;
    }
}
