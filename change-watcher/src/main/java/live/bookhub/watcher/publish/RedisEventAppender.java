package live.bookhub.watcher.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * same step gives the stream a new epoch whenever it has to create it. A batch of envelopes is one
 * script call: one round trip, appended whole or (fenced) not at all.
 */
@Component
public class RedisEventAppender {

    private static final Logger log = LoggerFactory.getLogger(RedisEventAppender.class);
    private static final String LAST_TOKEN_KEY = "bookhub:watcher:last-token:";

    private final StringRedisTemplate redis;
    private final RedisScript<String> appendScript;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> appendBatchScript;
    private final Leadership leadership;
    private final WatcherProperties properties;
    private final MeterRegistry meters;
    private final Timer lag;
    private final Counter duplicates;

    RedisEventAppender(StringRedisTemplate redis, Leadership leadership, WatcherProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.appendScript = RedisScript.of(AppendScript.text(), String.class);
        this.appendBatchScript = RedisScript.of(AppendScript.text(), List.class);
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
     * Appends a batch in one atomic step: each envelope is skipped when its token is not newer than the
     * last one appended before it (the batch's own included), so the tokens must come in order.
     *
     * @param source    the change stream the envelopes come from (one last-token per stream)
     * @param envelopes in the order of their tokens
     * @return how many were appended (the others had been appended already)
     * @throws NotLeaderException when this replica may not publish (any more): then none was appended
     */
    public int appendAll(String source, List<Envelope> envelopes) {
        if (envelopes.isEmpty()) {
            return 0;
        }
        if (envelopes.size() == 1) {
            return append(source, envelopes.get(0)).isPresent() ? 1 : 0;
        }
        List<String> args = new ArrayList<>(7 + 2 * envelopes.size());
        args.addAll(arguments(envelopes.get(0), false));
        for (Envelope envelope : envelopes.subList(1, envelopes.size())) {
            args.add(EnvelopeCodec.toJson(envelope));
            args.add(envelope.token());
        }
        List<?> ids;
        try {
            ids = redis.execute(appendBatchScript, keys(source), args.toArray());
        } catch (DataAccessException e) {
            throw RedisFence.refusalOrItself(e);
        }
        int appended = 0;
        for (int i = 0; i < envelopes.size(); i++) {
            if (counted(source, envelopes.get(i), (String) ids.get(i)) != null) {
                appended++;
            }
        }
        return appended;
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
        String id;
        try {
            id = redis.execute(appendScript, keys(source), arguments(envelope, reset).toArray());
        } catch (DataAccessException e) {
            throw RedisFence.refusalOrItself(e);
        }
        return counted(source, envelope, id);
    }

    private static List<String> keys(String source) {
        return List.of(EventStream.KEY, LAST_TOKEN_KEY + source, RedisFence.KEY, EventStream.EPOCH_KEY);
    }

    /** The script's arguments for its first envelope; checks the publish window once per call. */
    private List<String> arguments(Envelope first, boolean reset) {
        long epoch = leadership.epochForPublishing();
        return List.of(String.valueOf(properties.streamMaxLength()), EnvelopeCodec.toJson(first), first.token(),
                EventStream.CHANNEL, String.valueOf(epoch), reset ? "reset" : "change", AppendScript.candidateEpoch());
    }

    /** Counts and logs one envelope's outcome: {@code id} is its stream id, null when it was skipped. */
    private String counted(String source, Envelope envelope, String id) {
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
