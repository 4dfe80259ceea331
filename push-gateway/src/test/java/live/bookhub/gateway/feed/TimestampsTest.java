package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The envelope's ts is read as {@link Instant#parse} reads it, whatever the string. */
class TimestampsTest {

    @Test
    void readsTheWatchersFormAsInstantParseDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000))
                    .truncatedTo(List.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS,
                            ChronoUnit.MICROS, ChronoUnit.NANOS).get(i % 4));
            String ts = instant.toString();
            assertThat(Timestamps.epochMillis(ts)).as(ts).isEqualTo(instant.toEpochMilli());
        }
    }

    @Test
    void anyOtherStringIsLeftToInstantParse() {
        for (String ts : List.of("2026-12-01T03:20:19.1Z", "2026-12-01T03:20:19.12Z", "2026-12-01t03:20:19z", "2016-12-31T23:59:60Z",
                "2026-12-01T03:20:19+01:00", "2026-12-01T03:20:19.Z", "2026-12-01T03:20:19.1234567890Z", "2026-02-30T03:20:19Z",
                "2026-13-01T03:20:19Z", "2026-12-01T24:00:00Z", "2026-12-01T03:60:19Z", "2026-12-01 03:20:19Z", "2026-12-0aT03:20:19Z",
                "+12026-12-01T03:20:19Z", "-0001-12-01T03:20:19Z", "2026-12-01T03:20:19", "not a time", "")) {
            assertThat(Timestamps.epochMillis(ts)).as(ts).isEqualTo(instantParse(ts));
        }
    }

    private static long instantParse(String ts) {
        try {
            return ts.isEmpty() ? 0 : Instant.parse(ts).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
