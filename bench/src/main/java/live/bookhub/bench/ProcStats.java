package live.bookhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from /proc (Linux). */
final class ProcStats {

    /** USER_HZ: the kernel reports utime/stime in ticks of 1/100 s on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** User plus system CPU time. */
    static double cpuSeconds(long pid) {
        String[] fields = statFields(pid);
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** System (kernel) CPU time alone: on loopback most of a socket write's cost is the kernel's. */
    static double systemSeconds(long pid) {
        return Long.parseLong(statFields(pid)[12]) / TICKS_PER_SECOND;
    }

    /** The fields after the command name, which is in parentheses and may contain spaces (utime is [11], stime [12]). */
    private static String[] statFields(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    static long rssBytes(long pid) {
        for (String line : read(Path.of("/proc", String.valueOf(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine's load average over 1, 5 and 15 minutes, as {@code /proc/loadavg} says it. */
    static String loadAverage() {
        String[] fields = read(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
