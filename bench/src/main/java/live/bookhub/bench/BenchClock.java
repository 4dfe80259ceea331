package live.bookhub.bench;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One microsecond clock for the publisher's {@code ts} and the clients' receipt times (same JVM), and
 * a parser of {@code ts} cheap enough to run for every delivery.
 */
final class BenchClock {

    private static final long BASE_MICROS = System.currentTimeMillis() * 1000;
    private static final long BASE_NANOS = System.nanoTime();

    private BenchClock() {
    }

    static long nowMicros() {
        return BASE_MICROS + (System.nanoTime() - BASE_NANOS) / 1000;
    }

    static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L).toString();
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} starting at {@code from}; returns epoch microseconds. */
    static long parseMicros(String text, int from) {
        long day = LocalDate.of(digits(text, from, 4), digits(text, from + 5, 2), digits(text, from + 8, 2)).toEpochDay();
        long seconds = day * 86_400 + digits(text, from + 11, 2) * 3600L + digits(text, from + 14, 2) * 60L + digits(text, from + 17, 2);
        long micros = 0;
        int i = from + 19;
        if (text.charAt(i) == '.') {
            int scale = 100_000;
            for (i++; Character.isDigit(text.charAt(i)); i++) {
                micros += (text.charAt(i) - '0') * (long) scale;
                scale /= 10;
            }
        }
        return seconds * 1_000_000 + micros;
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
