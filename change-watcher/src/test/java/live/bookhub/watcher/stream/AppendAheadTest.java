package live.bookhub.watcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AppendAheadTest {

    private final AppendAhead appends = new AppendAhead("books");

    @Test
    void appendsRunOneAtATimeInTheOrderStarted() throws InterruptedException {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        appends.start(() -> {
            awaitLatch(release);
            done.add("first");
        });
        Thread starter = new Thread(() -> appends.start(() -> done.add("second")));
        starter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> starter.getState() == Thread.State.WAITING); // on the first append
        assertThat(done).as("the second append waits for the first").isEmpty();

        release.countDown();
        starter.join(5_000); // bounded: it returns once the first append ends
        appends.collect();
        assertThat(done).containsExactly("first", "second");
        appends.close();
    }

    @Test
    void aFailedAppendIsReportedAndNothingBehindItRuns() {
        List<String> done = new CopyOnWriteArrayList<>();
        appends.start(() -> {
            throw new IllegalStateException("Redis away");
        });

        assertThatThrownBy(() -> appends.start(() -> done.add("behind"))).hasMessage("Redis away");
        appends.collect(); // the failure was reported once
        assertThat(done).isEmpty();
        appends.close();
    }

    @Test
    void settleWaitsForTheAppendInFlightAndDropsItsFailure() {
        List<String> done = new CopyOnWriteArrayList<>();
        appends.start(() -> done.add("in flight"));
        appends.settle();
        assertThat(done).containsExactly("in flight");

        appends.start(() -> {
            throw new IllegalStateException("Redis away");
        });
        appends.settle();
        appends.close();
    }

    @Test
    void anInterruptedCallerCancelsTheAppendAndNoAppendRunsAfterClose() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        appends.start(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000); // a Redis call that hangs
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        started.await(5, TimeUnit.SECONDS);

        Thread.currentThread().interrupt();
        assertThatThrownBy(appends::collect).isInstanceOf(RuntimeException.class);
        assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();

        appends.close();
        assertThatThrownBy(() -> appends.start(() -> { })).isInstanceOf(RuntimeException.class);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
