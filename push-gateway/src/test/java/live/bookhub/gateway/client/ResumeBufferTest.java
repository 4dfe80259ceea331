package live.bookhub.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import io.netty.buffer.Unpooled;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import live.bookhub.gateway.feed.Event;
import org.junit.jupiter.api.Test;

class ResumeBufferTest {

    @Test
    void liveEventsHeldDuringTheReplayFollowItWithoutTheOnesItAlreadyDelivered() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.startAt(id(1));

        assertThat(buffer.acceptLive(event(3))).isFalse();
        assertThat(buffer.acceptLive(event(4))).isFalse();
        assertThat(buffer.acceptReplayed(event(2))).isTrue();
        assertThat(buffer.acceptReplayed(event(3))).isTrue();

        assertThat(buffer.finishReplay()).hasValueSatisfying(fresh -> assertThat(ids(fresh)).containsExactly(4L));
        assertThat(buffer.position()).isEqualTo(id(4));
    }

    @Test
    void onceLiveAnEventIsSentAtOnceUnlessTheClientHasIt() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.startAt(id(5));
        buffer.finishReplay();

        assertThat(buffer.acceptLive(event(5))).isFalse();
        assertThat(buffer.acceptLive(event(6))).isTrue();
        assertThat(buffer.acceptLive(event(6))).isFalse();
        assertThat(buffer.position()).isEqualTo(id(6));
    }

    @Test
    void replayedEventsAtOrBeforeThePositionAreDropped() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.startAt(id(3));

        assertThat(buffer.acceptReplayed(event(2))).isFalse();
        assertThat(buffer.acceptReplayed(event(3))).isFalse();
        assertThat(buffer.acceptReplayed(event(4))).isTrue();
    }

    @Test
    void anOverflowingBufferIsDroppedAndTheReplayReadsOnThenHoldsAfresh() {
        ResumeBuffer buffer = new ResumeBuffer(2);
        buffer.startAt(id(0));
        for (long n = 1; n <= 3; n++) {
            buffer.acceptLive(event(n));
        }

        assertThat(buffer.finishReplay()).isEmpty();

        buffer.acceptLive(event(4));
        buffer.acceptReplayed(event(1));
        buffer.acceptReplayed(event(2));
        buffer.acceptReplayed(event(3));
        assertThat(buffer.finishReplay()).hasValueSatisfying(fresh -> assertThat(ids(fresh)).containsExactly(4L));
    }

    @Test
    void aResetIntoAnotherEpochMovesThereAtOnceAndDropsWhatWasHeldFromTheOneThatEnded() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.startAt(id(5));
        buffer.acceptLive(event(6));

        StreamPosition newLife = new StreamPosition("e2", new StreamId(2, 0));
        buffer.skipTo(newLife);
        assertThat(buffer.position()).isEqualTo(newLife);
        assertThat(buffer.acceptReplayed(inEpoch("e2", 3))).isTrue();
        assertThat(buffer.finishReplay()).hasValueSatisfying(fresh -> assertThat(fresh).isEmpty());
    }

    @Test
    void anEventOfAnotherEpochIsNeverTheClientsNextWhateverItsId() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.startAt(id(5));
        buffer.finishReplay();

        assertThat(buffer.acceptLive(inEpoch("e2", 9))).isFalse();
        assertThat(buffer.position()).isEqualTo(id(5));
    }

    @Test
    void aClientThatStartedBeforeThereWasAStreamTakesTheEpochOfTheFirstLifeItSees() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.startAt(StreamPosition.NONE);
        buffer.finishReplay();

        assertThat(buffer.acceptLive(inEpoch("e2", 1))).isTrue();
        assertThat(buffer.position()).isEqualTo(new StreamPosition("e2", new StreamId(1, 0)));
        assertThat(buffer.acceptLive(inEpoch("e3", 2))).isFalse();
    }

    @Test
    void aResetSkipsForwardButNeverBack() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.startAt(id(5));

        buffer.skipTo(id(3));
        assertThat(buffer.position()).isEqualTo(id(5));
        buffer.skipTo(id(8));
        assertThat(buffer.position()).isEqualTo(id(8));
        assertThat(buffer.acceptReplayed(event(7))).isFalse();
    }

    @Test
    void aClosedClientsHeldEventsAreDropped() {
        ResumeBuffer buffer = new ResumeBuffer(10);
        buffer.acceptLive(event(1));

        buffer.clear();

        assertThat(buffer.finishReplay()).hasValueSatisfying(fresh -> assertThat(fresh).isEmpty());
    }

    /**
     * Every order in which appends, their live copies and replay pages can interleave, for small
     * streams, page sizes and buffer limits: the client gets each event after its start exactly once,
     * in stream order.
     */
    @Test
    void everyInterleavingOfAppendsLiveCopiesAndReplayPagesDeliversEachEventOnceInOrder() {
        int interleavings = 0;
        for (int before = 0; before <= 2; before++) {
            for (int start = 0; start <= before; start++) {
                for (int total = before; total <= before + 3; total++) {
                    for (int page = 1; page <= 3; page++) {
                        for (int limit = 0; limit <= 2; limit++) {
                            interleavings += new Resume(before, start, total, page, limit).explore(List.of());
                        }
                    }
                }
            }
        }
        assertThat(interleavings).as("interleavings tried").isGreaterThan(20_000);
    }

    private enum Step { APPEND, LIVE, PAGE }

    /**
     * One resume: {@code before} events are in the stream when the client registers for live events
     * (it resumes after {@code start}); the others, up to {@code total}, are appended later, each
     * reaching the client live some time after its append. A replay page reads up to {@code page}
     * entries after the client's position from what has been appended so far; a short page ends the
     * replay. Each interleaving is run on a fresh buffer from its first step.
     */
    private record Resume(int before, int start, int total, int page, int limit) {

        /** @return how many complete interleavings begin with {@code steps} */
        int explore(List<Step> steps) {
            Outcome outcome = run(steps);
            List<Step> next = new ArrayList<>();
            if (outcome.appended < total) {
                next.add(Step.APPEND);
            }
            if (outcome.liveSent < outcome.appended) {
                next.add(Step.LIVE);
            }
            if (outcome.resuming) {
                next.add(Step.PAGE);
            }
            if (next.isEmpty()) {
                List<Long> expected = LongStream.rangeClosed(start + 1, total).boxed().toList();
                if (!outcome.received.equals(expected)) {
                    assertThat(outcome.received).as("%s, steps %s", this, steps).containsExactlyElementsOf(expected);
                }
                return 1;
            }
            int interleavings = 0;
            for (Step step : next) {
                List<Step> longer = new ArrayList<>(steps);
                longer.add(step);
                interleavings += explore(longer);
            }
            return interleavings;
        }

        private Outcome run(List<Step> steps) {
            ResumeBuffer buffer = new ResumeBuffer(limit);
            buffer.startAt(id(start));
            Outcome outcome = new Outcome(before);
            for (Step step : steps) {
                switch (step) {
                    case APPEND -> outcome.appended++;
                    case LIVE -> {
                        Event event = event(++outcome.liveSent);
                        if (buffer.acceptLive(event)) {
                            outcome.received.add(event.id().millis());
                        }
                    }
                    case PAGE -> {
                        List<Event> read = LongStream.rangeClosed(buffer.position().id().millis() + 1, outcome.appended)
                                .limit(page).mapToObj(ResumeBufferTest::event).toList();
                        read.stream().filter(buffer::acceptReplayed).forEach(event -> outcome.received.add(event.id().millis()));
                        if (read.size() < page) {
                            Optional<List<Event>> fresh = buffer.finishReplay();
                            fresh.ifPresent(events -> events.forEach(event -> outcome.received.add(event.id().millis())));
                            outcome.resuming = fresh.isEmpty();
                        }
                    }
                }
            }
            return outcome;
        }
    }

    private static final class Outcome {
        int appended;
        int liveSent;
        boolean resuming = true;
        final List<Long> received = new ArrayList<>();

        Outcome(int before) {
            this.appended = before;
            this.liveSent = before;
        }
    }

    private static List<Long> ids(List<Event> events) {
        return events.stream().map(event -> event.id().millis()).toList();
    }

    private static StreamPosition id(long n) {
        return new StreamPosition("e1", new StreamId(n, 0));
    }

    private static Event inEpoch(String epoch, long n) {
        return new Event(new StreamPosition(epoch, new StreamId(n, 0)), "books", "book:updated", 0, Unpooled.EMPTY_BUFFER, null);
    }

    static Event event(long n) {
        return new Event(id(n), "books", "book:updated", 0, Unpooled.EMPTY_BUFFER, null);
    }
}
