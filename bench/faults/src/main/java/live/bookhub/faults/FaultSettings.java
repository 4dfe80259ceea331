package live.bookhub.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one run does; each can be set as {@code --name=value}. A bad option stops the run before
 * anything starts, with one line naming it.
 *
 * @param home              the project root (the services' jars, tools/ with mongosh, bench/results)
 * @param clients           clients kept connected, spread over the two gateways
 * @param sseShare          the share of them on Server-Sent Events (the others on WebSocket)
 * @param privateShare      the share signed in as a customer, reading {@code orders:<their id>} too
 * @param customers         customers whose orders mongosh writes (their clients read them)
 * @param apiRate           book writes per second through the api (create, update, delete)
 * @param mongoshRate       writes per second from mongosh (books and orders)
 * @param phase             how long writes flow before each fault and again after it has been repaired
 * @param redisOutage       how long Redis stays stopped in {@code redis-outage}
 * @param mongoOutage       how long MongoDB stays stopped in {@code mongo-restart}
 * @param streamMaxLength   the watchers' {@code stream-max-length}: small, so that a client can fall behind it
 * @param oplogBytes        the embedded MongoDB's oplog cap: small, so that a flood can roll it
 * @param faults            the faults injected, in this order
 * @param maxRun            the whole run's bound; past it the run stops everything and exits non-zero
 */
record FaultSettings(Path home, int clients, double sseShare, double privateShare, int customers, double apiRate,
                     double mongoshRate, Duration phase, Duration redisOutage, Duration mongoOutage, int streamMaxLength,
                     long oplogBytes, List<String> faults, Duration maxRun) {

    static final List<String> ALL_FAULTS = List.of("watcher-kill", "watcher-pause", "redis-outage", "redis-amnesia",
            "gateway-kill", "gateway-drain", "mongo-restart", "stream-trimmed", "oplog-rolled");

    private static final List<String> NAMES = List.of("home", "clients", "sse-share", "private-share", "customers", "api-rate",
            "mongosh-rate", "phase-seconds", "redis-outage-seconds", "mongo-outage-seconds", "stream-max-length", "oplog-mb",
            "faults", "max-minutes");

    static FaultSettings parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new BadOption("options are --name=value, not \"" + arg + "\"");
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!NAMES.contains(name)) {
                throw new BadOption("unknown option --" + name + " (bench/README.md lists the options)");
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        Options o = new Options(options);
        FaultSettings settings = new FaultSettings(
                Path.of(o.<String>get("home", ".", value -> value)).toAbsolutePath().normalize(),
                o.get("clients", "400", value -> positive("clients", Integer.parseInt(value))),
                o.get("sse-share", "0.25", value -> share("sse-share", Double.parseDouble(value))),
                o.get("private-share", "0.25", value -> share("private-share", Double.parseDouble(value))),
                o.get("customers", "12", value -> positive("customers", Integer.parseInt(value))),
                o.get("api-rate", "8", value -> rate("api-rate", Double.parseDouble(value))),
                o.get("mongosh-rate", "4", value -> rate("mongosh-rate", Double.parseDouble(value))),
                o.get("phase-seconds", "10", value -> Duration.ofSeconds(positive("phase-seconds", Integer.parseInt(value)))),
                o.get("redis-outage-seconds", "10", value -> Duration.ofSeconds(positive("redis-outage-seconds", Integer.parseInt(value)))),
                o.get("mongo-outage-seconds", "10", value -> Duration.ofSeconds(positive("mongo-outage-seconds", Integer.parseInt(value)))),
                o.get("stream-max-length", "2000", value -> atLeast("stream-max-length", Integer.parseInt(value), 200)),
                o.get("oplog-mb", "8", value -> atLeast("oplog-mb", Integer.parseInt(value), 1) * 1024L * 1024),
                o.get("faults", String.join(",", ALL_FAULTS), FaultSettings::faultList),
                o.get("max-minutes", "25", value -> Duration.ofMinutes(positive("max-minutes", Integer.parseInt(value)))));
        if (settings.privateShare() > 0 && settings.customers() > settings.clients()) {
            throw new BadOption("--customers (" + settings.customers() + ") cannot exceed --clients (" + settings.clients() + ")");
        }
        return settings;
    }

    private static List<String> faultList(String value) {
        List<String> faults = Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
        for (String fault : faults) {
            if (!ALL_FAULTS.contains(fault)) {
                throw new BadOption("unknown fault \"" + fault + "\"; faults are " + String.join(",", ALL_FAULTS));
            }
        }
        if (faults.isEmpty()) {
            throw new BadOption("--faults names no fault");
        }
        return faults;
    }

    private static int positive(String name, int value) {
        return atLeast(name, value, 1);
    }

    private static int atLeast(String name, int value, int least) {
        if (value < least) {
            throw new BadOption("--" + name + " must be at least " + least + ", not " + value);
        }
        return value;
    }

    private static double share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new BadOption("--" + name + " must be from 0 to 1, not " + value);
        }
        return value;
    }

    private static double rate(String name, double value) {
        if (!(value > 0 && value <= 200)) {
            throw new BadOption("--" + name + " must be above 0 and at most 200 writes a second, not " + value);
        }
        return value;
    }

    /** The options given, each read once with its default; a value that does not parse names its option. */
    private record Options(Map<String, String> given) {
        <T> T get(String name, String fallback, Function<String, T> parser) {
            String value = given.getOrDefault(name, fallback).trim();
            try {
                return parser.apply(value);
            } catch (NumberFormatException e) {
                throw new BadOption("--" + name + " must be a number, not \"" + value + "\"");
            }
        }
    }

    /** A bad option: printed as one line, exit code 2. */
    static final class BadOption extends RuntimeException {
        BadOption(String message) {
            super(message);
        }
    }
}
