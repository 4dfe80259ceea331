package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import live.bookhub.events.StreamId;
import live.bookhub.gateway.protocol.FrameBlock;
import org.junit.jupiter.api.Test;

/** Which reads of the stream's end a reader may share: only those sent after its ticket. */
class SharedReadsTest {

    private final AtomicInteger sentToRedis = new AtomicInteger();
    private final SharedReads reads = new SharedReads(this::endOfStream, Runnable::run, new SimpleMeterRegistry());

    @Test
    void aReadOfTheStreamsEndServesEveryReaderWhoseTicketCameBeforeIt() {
        long first = reads.ticket();
        long second = reads.ticket();

        EventHistory.Page read = reads.read(new StreamId(5, 0), 500, first);

        assertThat(reads.read(new StreamId(5, 0), 500, second)).isSameAs(read);
        assertThat(sentToRedis).hasValue(1);
    }

    @Test
    void aReaderWhoseTicketCameAfterTheLastReadOfTheEndGetsAFreshOne() {
        EventHistory.Page before = reads.read(new StreamId(5, 0), 500, reads.ticket());

        EventHistory.Page after = reads.read(new StreamId(5, 0), 500, reads.ticket());

        assertThat(after).isNotSameAs(before);
        assertThat(sentToRedis).hasValue(2);
    }

    /** Every read finds the stream's end just after the position: no entry, a page shorter than asked. */
    private EventHistory.Page endOfStream(StreamId after, int count) {
        sentToRedis.incrementAndGet();
        return new EventHistory.Page(new StreamState("e1", StreamId.ZERO, StreamId.ZERO, after, null),
                FrameBlock.of(List.<Event>of(), Event::withWebSocketFrame), 0, null);
    }
}
