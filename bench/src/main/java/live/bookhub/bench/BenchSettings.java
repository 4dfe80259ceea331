package live.bookhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run measures; each can be set as {@code --name=value}.
 *
 * @param home        the project root (jars, the watcher's script, the Socket.IO server)
 * @param clients     clients connected during the rate ladder
 * @param rates       events per second of the ladder's steps, lowest first
 * @param step        how long each step publishes
 * @param idleClients clients connected for the memory and concurrency steps, one fresh server each (Socket.IO: the first only)
 * @param idleRate    events per second published to the idle clients once they are all connected
 * @param gateways    push-gateway processes the clients are spread over
 * @param clientThreads load generator threads
 * @param gatewayJvm  JVM options of the push-gateway processes
 * @param gatewayArgs further arguments of the push-gateway processes, e.g. {@code --bookhub.gateway.io-threads=1}
 * @param socketIo    whether to measure the Socket.IO server too (the ratios need it)
 * @param bareRates   events per second at which the bare fan-outs (Netty, Node ws) are measured beside the gateway; empty: none
 * @param gatewayJar  the push-gateway jar to measure (another build's, for a before-and-after)
 * @param stormClients clients of the resume storm (0: no storm)
 * @param stormBehind events each storm client missed, at most
 * @param stormPositions distinct positions the storm clients resume from
 * @param stormWarmUp clients of a storm run on the same gateway first and not measured (0: the storm meets a fresh gateway)
 * @param filters     the filtered-subscriptions step
 * @param io          the clients' I/O of the push-gateway and of the bare Netty fan-out alike: {@code epoll} or {@code io_uring}
 */
record BenchSettings(Path home, int clients, List<Integer> rates, Duration step, List<Integer> idleClients, int idleRate,
                     int gateways, int clientThreads, List<String> gatewayJvm, List<String> gatewayArgs, boolean socketIo,
                     List<Integer> bareRates, Path gatewayJar, int stormClients, int stormBehind, int stormPositions, int stormWarmUp,
                     FilterSettings filters, String io) {

    static BenchSettings parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Path home = Path.of(options.getOrDefault("home", ".")).toAbsolutePath().normalize();
        return new BenchSettings(
                home,
                Integer.parseInt(options.getOrDefault("clients", "1000")),
                numbers(options.getOrDefault("rates", "10,20,40,60,80,90,100,120,150,200")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("step-seconds", "5"))),
                numbers(options.getOrDefault("idle-clients", "10000,19500")),
                Integer.parseInt(options.getOrDefault("idle-rate", "2")),
                Integer.parseInt(options.getOrDefault("gateways", "1")),
                Integer.parseInt(options.getOrDefault("client-threads", "2")),
                List.of(options.getOrDefault("gateway-jvm", "-XX:+UseSerialGC -Xms64m -Xmx1g -Xss512k").split("\\s+")),
                options.getOrDefault("gateway-args", "").isBlank() ? List.of() : List.of(options.get("gateway-args").trim().split("\\s+")),
                Boolean.parseBoolean(options.getOrDefault("socket-io", "true")),
                numbers(options.getOrDefault("bare-rates", "10,20,40")),
                home.resolve(options.getOrDefault("gateway-jar", "push-gateway/target/push-gateway.jar")),
                Integer.parseInt(options.getOrDefault("storm-clients", "10000")),
                Integer.parseInt(options.getOrDefault("storm-behind", "5000")),
                Integer.parseInt(options.getOrDefault("storm-positions", "10")),
                Integer.parseInt(options.getOrDefault("storm-warm-up", "0")),
                FilterSettings.parse(options),
                io(options.getOrDefault("io", "epoll")));
    }

    private static String io(String io) {
        if (!io.equals("epoll") && !io.equals("io_uring")) {
            throw new IllegalArgumentException("--io is epoll or io_uring, not " + io);
        }
        return io;
    }

    /** The push-gateway's arguments: {@code --gateway-args}, then its clients' I/O. */
    List<String> gatewayArguments() {
        List<String> arguments = new ArrayList<>(gatewayArgs);
        arguments.add("--bookhub.gateway.io-transport=" + io);
        return arguments;
    }

    private static List<Integer> numbers(String list) {
        return list.isBlank() ? List.of() : Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }
}
