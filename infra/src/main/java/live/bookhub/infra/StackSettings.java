package live.bookhub.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack runs: ports, data folder, the jars' home, the services' log format.
 * {@link #fromEnvironment} reads the variables the README lists; tests build their own with free ports.
 *
 * @param home              the project root, where {@code <module>/target/<module>.jar} are
 * @param dataDir           MongoDB's and Redis's data, the dev key pair and the logs live here
 * @param apiPort           web + api
 * @param gatewayPorts      one push-gateway per port: its client port (WebSocket {@code /ws}, SSE {@code /sse})
 * @param gatewayAdminPorts each push-gateway's admin port (health, metrics), in the order of {@code gatewayPorts}
 * @param watcherPort       the change-watcher's admin port (health, metrics, replay)
 * @param mongoPort         the embedded MongoDB-wire server
 * @param redisPort         redis-server
 * @param javaOptions       JVM options for every service process; empty: each service's own ({@link #javaOptions(String)})
 * @param serviceArgs       extra arguments for every service (e.g. {@code --logging.level.root=WARN})
 * @param sampleCatalog     whether the api loads its sample catalog into an empty database
 * @param quickStart        whether services start from their jars unpacked, with a class-data archive ({@link FastStart})
 */
public record StackSettings(Path home, Path dataDir, int apiPort, List<Integer> gatewayPorts,
                            List<Integer> gatewayAdminPorts, int watcherPort, int mongoPort, int redisPort,
                            List<String> javaOptions, List<String> serviceArgs, boolean sampleCatalog, boolean quickStart) {

    public StackSettings {
        // The lists pair up by position (gateway i serves clients on one, operators on the other), so a
        // missing or extra entry is a configuration mistake, reported before anything starts.
        if (gatewayAdminPorts.size() != gatewayPorts.size()) {
            throw new StackException("BOOKHUB_GATEWAY_ADMIN_PORTS lists " + gatewayAdminPorts.size()
                    + " port(s) but BOOKHUB_GATEWAY_PORTS lists " + gatewayPorts.size() + ": give each push-gateway one admin port");
        }
    }

    /** Settings without the sample catalog, services started from their jars: as tests want them. */
    public StackSettings(Path home, Path dataDir, int apiPort, List<Integer> gatewayPorts, List<Integer> gatewayAdminPorts,
                         int watcherPort, int mongoPort, int redisPort, List<String> javaOptions, List<String> serviceArgs) {
        this(home, dataDir, apiPort, gatewayPorts, gatewayAdminPorts, watcherPort, mongoPort, redisPort, javaOptions,
                serviceArgs, false, false);
    }

    /**
     * The api answers requests, which takes little CPU: C1 alone starts it soonest. The watcher and the
     * gateways carry every event, and C2's code spends about half the CPU per event that C1's does
     * (bench/README.md, "Which JIT"), which on a small machine is what a burst is short of.
     */
    static final List<String> QUICK_START = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx512m");
    static final List<String> THROUGHPUT = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx512m");

    public static StackSettings fromEnvironment(Map<String, String> env) {
        return new StackSettings(
                Path.of(env.getOrDefault("BOOKHUB_HOME", ".")).toAbsolutePath().normalize(),
                Path.of(env.getOrDefault("BOOKHUB_DATA_DIR", ".local")).toAbsolutePath().normalize(),
                port(env, "BOOKHUB_API_PORT", "8080"),
                ports(env, "BOOKHUB_GATEWAY_PORTS", "8081,8082"),
                ports(env, "BOOKHUB_GATEWAY_ADMIN_PORTS", "9081,9082"),
                port(env, "BOOKHUB_WATCHER_PORT", "8090"),
                port(env, "BOOKHUB_MONGO_PORT", "27017"),
                port(env, "BOOKHUB_REDIS_PORT", "6379"),
                options(env.getOrDefault("BOOKHUB_JAVA_OPTS", "")),
                LogFormat.fromEnvironment(env).serviceArgs(),
                flag(env, "BOOKHUB_SAMPLE_CATALOG", "true"),
                flag(env, "BOOKHUB_QUICK_START", "true"));
    }

    /** Each port with the variable that sets it, for the "port in use" message. */
    Map<String, Integer> portsByVariable() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("BOOKHUB_MONGO_PORT", mongoPort);
        ports.put("BOOKHUB_REDIS_PORT", redisPort);
        ports.put("BOOKHUB_API_PORT", apiPort);
        ports.put("BOOKHUB_WATCHER_PORT", watcherPort);
        for (int i = 0; i < gatewayPorts.size(); i++) {
            ports.put("BOOKHUB_GATEWAY_PORTS (gateway " + (i + 1) + ")", gatewayPorts.get(i));
            ports.put("BOOKHUB_GATEWAY_ADMIN_PORTS (gateway " + (i + 1) + ")", gatewayAdminPorts.get(i));
        }
        return ports;
    }

    /** Where {@code mvn package} puts a service module's Spring Boot jar. */
    Path jar(String module) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }

    /** The JVM options of a service module's processes: {@code javaOptions} when given, else the module's own. */
    public List<String> javaOptions(String module) {
        if (!javaOptions.isEmpty()) {
            return javaOptions;
        }
        return module.equals("api") ? QUICK_START : THROUGHPUT;
    }

    List<String> javaCommand(String module, List<String> args) {
        List<String> command = jvm(module);
        command.addAll(quickStart ? new FastStart(module, jar(module)).launch() : List.of("-jar", jar(module).toString()));
        command.addAll(serviceArguments(args));
        return command;
    }

    /**
     * Makes the module's quick start ({@link FastStart}) unless it is made for its jar already, with a
     * training run that gets {@code args} as the service would.
     *
     * @return whether it made it now
     */
    boolean prepareQuickStart(String module, List<String> args) {
        return new FastStart(module, jar(module)).prepare(jvm(module), serviceArguments(args));
    }

    /** A service's own arguments, then those every service gets. */
    private List<String> serviceArguments(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(serviceArgs);
        return all;
    }

    private List<String> jvm(String module) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions(module));
        return command;
    }

    private static List<String> options(String line) {
        return line.isBlank() ? List.of() : List.of(line.trim().split("\\s+"));
    }

    private static boolean flag(Map<String, String> env, String variable, String fallback) {
        String value = env.getOrDefault(variable, fallback).trim();
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new StackException(variable + " must be true or false, not \"" + value + "\"");
    }

    private static int port(Map<String, String> env, String variable, String fallback) {
        return parsePort(variable, env.getOrDefault(variable, fallback).trim());
    }

    private static List<Integer> ports(Map<String, String> env, String variable, String fallback) {
        return Arrays.stream(env.getOrDefault(variable, fallback).split(","))
                .map(String::trim).map(value -> parsePort(variable, value)).toList();
    }

    private static int parsePort(String variable, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StackException(variable + " must be a port number from 1 to 65535, not \"" + value + "\"");
    }
}
