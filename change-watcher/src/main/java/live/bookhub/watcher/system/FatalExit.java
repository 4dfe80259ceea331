package live.bookhub.watcher.system;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Ends the watcher on a {@link FatalFailure}: one ERROR line naming the problem and the setting to
 * check, then a clean shutdown (the lease is released, so a healthy standby takes over at once) and
 * exit code {@value #EXIT_CODE}. A supervisor then shows a crash that says what to fix, instead of a
 * watcher that retries forever and appends nothing.
 */
@Component
public class FatalExit {

    public static final int EXIT_CODE = 2;

    private static final Logger log = LoggerFactory.getLogger(FatalExit.class);

    private final ConfigurableApplicationContext context;
    private final AtomicBoolean exiting = new AtomicBoolean();

    FatalExit(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the exit when {@code failure} is fatal; the caller's loop should then end.
     *
     * @return whether it was fatal
     */
    public boolean exitIfFatal(Throwable failure) {
        return FatalFailure.of(failure).map(fatal -> {
            if (exiting.compareAndSet(false, true)) {
                log.error("cannot go on: {} ({}); check {}", fatal.problem(), fatal.detail(), fatal.setting());
                // Its own thread: the shutdown waits for the loops, and the caller is one of them.
                new Thread(() -> System.exit(SpringApplication.exit(context, () -> EXIT_CODE)), "fatal-exit").start();
            }
            return true;
        }).orElse(false);
    }
}
