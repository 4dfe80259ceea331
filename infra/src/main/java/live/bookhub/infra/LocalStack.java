package live.bookhub.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import live.bookhub.embedded.EmbeddedMongo;
import live.bookhub.embedded.EmbeddedRedis;
import live.bookhub.embedded.FreePorts;

/**
 * The whole system on one machine without Docker: the embedded MongoDB-wire server in this JVM,
 * redis-server, then api, change-watcher and push-gateways as separate processes.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * How long a service may take to become ready. It starts in 10–20 s on a quiet 2-core machine, but
     * CI saw the api take over 2 minutes at a load average of 30; a dead service still fails the start.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final StackSettings settings;
    private final EmbeddedMongo.Options mongoOptions;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedMongo mongo;
    private EmbeddedRedis redis;
    private ServiceProcess api;
    private ServiceProcess watcher;
    private final List<ServiceProcess> gateways = new ArrayList<>();

    private LocalStack(StackSettings settings, EmbeddedMongo.Options mongoOptions) {
        this.settings = settings;
        this.mongoOptions = mongoOptions;
    }

    public static LocalStack start(StackSettings settings) {
        return start(settings, EmbeddedMongo.Options.defaults());
    }

    /** A stack whose embedded MongoDB has these options, e.g. a small oplog for tests of lost history. */
    public static LocalStack start(StackSettings settings, EmbeddedMongo.Options mongoOptions) {
        LocalStack stack = new LocalStack(settings, mongoOptions);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        checkPortsFree();
        checkJarsBuilt();
        startMongo();
        redis = EmbeddedRedis.start(settings.redisPort(), settings.dataDir().resolve("redis"));
        if (settings.quickStart()) {
            prepareQuickStarts();
        }
        api = add(apiProcess());
        watcher = add(watcherProcess("change-watcher", settings.watcherPort()));
        for (int i = 0; i < settings.gatewayPorts().size(); i++) {
            gateways.add(add(gatewayProcess("push-gateway-" + (i + 1), settings.gatewayPorts().get(i),
                    settings.gatewayAdminPorts().get(i))));
        }
        services.forEach(ServiceProcess::start);
        services.forEach(service -> service.awaitHealthy(START_TIMEOUT));
    }

    /** A further watcher replica (not started), e.g. a standby. */
    public ServiceProcess newWatcher(String name) {
        return add(watcherProcess(name, FreePorts.next()));
    }

    /** A further push-gateway replica (not started). */
    public ServiceProcess newGateway(String name) {
        return add(gatewayProcess(name, FreePorts.next(), FreePorts.next()));
    }

    /** Once per build: the three services' quick starts are made side by side, each with its first instance's arguments. */
    private void prepareQuickStarts() {
        Map<String, List<String>> argsByModule = new HashMap<>(Map.of(
                "api", apiArgs(),
                "change-watcher", watcherArgs("change-watcher", settings.watcherPort())));
        if (!settings.gatewayPorts().isEmpty()) {
            argsByModule.put("push-gateway", gatewayArgs("push-gateway-1", settings.gatewayPorts().get(0), settings.gatewayAdminPorts().get(0)));
        }
        List<CompletableFuture<Boolean>> made = argsByModule.entrySet().stream()
                .map(module -> CompletableFuture.supplyAsync(() -> settings.prepareQuickStart(module.getKey(), module.getValue())))
                .toList();
        // Every one joined before any service command is built (anyMatch alone would stop at the first made).
        List<Boolean> madeNow = made.stream().map(CompletableFuture::join).toList();
        if (madeNow.contains(true)) {
            System.out.println("Made the services' quick starts (unpacked jars, class-data archives) for this build.");
        }
    }

    private ServiceProcess apiProcess() {
        return new ServiceProcess("api", settings.apiPort(), settings.javaCommand("api", apiArgs()), log("api"));
    }

    private List<String> apiArgs() {
        return List.of(
                "--server.port=" + settings.apiPort(),
                "--spring.mongodb.uri=" + mongoUri(),
                "--bookhub.auth.key-dir=" + settings.dataDir().resolve("keys"),
                "--bookhub.catalog.load-sample=" + settings.sampleCatalog(),
                // The web app connects to each gateway on the page's own host: ":8081/ws,:8082/ws".
                "--bookhub.web.gateways=" + String.join(",", settings.gatewayPorts().stream().map(port -> ":" + port + "/ws").toList()),
                nodeName("api"));
    }

    private ServiceProcess watcherProcess(String name, int port) {
        return new ServiceProcess(name, port, settings.javaCommand("change-watcher", watcherArgs(name, port)), log(name));
    }

    private List<String> watcherArgs(String name, int port) {
        return List.of(
                "--server.port=" + port,
                "--spring.mongodb.uri=" + mongoUri(),
                "--spring.data.redis.url=" + redis.uri(), nodeName(name));
    }

    /** Clients on {@code clientPort} ({@code /ws}, {@code /sse}); health and metrics on {@code adminPort}, Spring Boot's own. */
    private ServiceProcess gatewayProcess(String name, int clientPort, int adminPort) {
        return new ServiceProcess(name, clientPort, adminPort, settings.javaCommand("push-gateway", gatewayArgs(name, clientPort, adminPort)), log(name));
    }

    private List<String> gatewayArgs(String name, int clientPort, int adminPort) {
        return List.of(
                "--bookhub.gateway.port=" + clientPort,
                "--server.port=" + adminPort,
                "--spring.data.redis.url=" + redis.uri(),
                "--bookhub.gateway.name=" + name, nodeName(name),
                "--bookhub.gateway.jwks-uri=http://127.0.0.1:" + settings.apiPort() + "/.well-known/jwks.json");
    }

    /** The replica's name in JSON log lines ({@code service.node.name}), beside the service's own name. */
    private static String nodeName(String name) {
        return "--logging.structured.ecs.service.node-name=" + name;
    }

    private ServiceProcess add(ServiceProcess service) {
        services.add(service);
        return service;
    }

    private Path log(String name) {
        return settings.dataDir().resolve("logs").resolve(name + ".log");
    }

    private void checkPortsFree() {
        // Two services set to one port would pass the check below and then one of them would fail to bind
        // (e.g. BOOKHUB_GATEWAY_PORTS=9081 next to the default admin ports): name both settings instead.
        Map<Integer, String> variableByPort = new HashMap<>();
        for (Map.Entry<String, Integer> port : settings.portsByVariable().entrySet()) {
            String sameAs = variableByPort.putIfAbsent(port.getValue(), port.getKey());
            if (sameAs != null) {
                throw new StackException("port " + port.getValue() + " is set twice, by " + sameAs + " and by "
                        + port.getKey() + ": give each its own port");
            }
            if (!FreePorts.isFree(port.getValue())) {
                throw new StackException("port " + port.getValue() + " is in use: stop what holds it, or set "
                        + port.getKey().replaceAll(" .*", "") + " to a free port");
            }
        }
    }

    private void checkJarsBuilt() {
        for (String module : List.of("api", "change-watcher", "push-gateway")) {
            Path jar = settings.jar(module);
            if (!Files.isRegularFile(jar)) {
                throw new StackException(jar + " is missing: build first with ./bookhub start (or mvn -DskipTests package)");
            }
        }
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + settings.mongoPort() + "/bookhub";
    }

    /** Stops the embedded MongoDB-wire server: its clients lose their connections (tests of MongoDB outages). */
    public synchronized void stopMongo() {
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    /** Starts the embedded MongoDB-wire server, again after {@link #stopMongo()}: same port, same data. */
    public synchronized void startMongo() {
        if (mongo == null) {
            mongo = EmbeddedMongo.start(settings.mongoPort(), settings.dataDir().resolve("mongo"), mongoOptions);
        }
    }

    public EmbeddedRedis redis() {
        return redis;
    }

    /**
     * Stops redis-server, deletes its data and starts it again empty on the same port: a restart
     * without persistence (tests and the fault harness of Redis losing the stream).
     */
    public void restartRedisWithoutItsData() {
        redis.stop();
        try {
            Folders.empty(settings.dataDir().resolve("redis"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            redis.start();
        }
    }

    public ServiceProcess api() {
        return api;
    }

    public ServiceProcess watcher() {
        return watcher;
    }

    public List<ServiceProcess> gateways() {
        return List.copyOf(gateways);
    }

    public StackSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        List<ServiceProcess> running = new ArrayList<>(services);
        running.forEach(ServiceProcess::stopAsync);
        running.forEach(service -> service.stop(STOP_GRACE));
        if (redis != null) {
            redis.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    public static void main(String[] args) {
        StackSettings settings;
        LocalStack stack;
        try {
            settings = StackSettings.fromEnvironment(System.getenv());
            System.out.println("Starting BookHub Live (data in " + settings.dataDir() + ") ...");
            stack = start(settings);
        } catch (StackException e) {
            System.err.println("bookhub: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("bookhub: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping BookHub Live ...");
            stack.close();
            stopped.countDown();
        }, "stack-shutdown"));
        System.out.println(stack.banner());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String banner() {
        List<String> gatewayUrls = gateways.stream().map(gateway -> "ws://127.0.0.1:" + gateway.port() + "/ws  (admin "
                + gateway.adminUrl() + "/actuator/health)").toList();
        return String.join(System.lineSeparator(),
                "",
                "BookHub Live is up.",
                "  web + api       http://127.0.0.1:" + api.port() + "/   (REST under /api)",
                "  push-gateways   " + String.join(System.lineSeparator() + "                  ", gatewayUrls),
                "  change-watcher  " + watcher.adminUrl() + "/actuator/health",
                "  MongoDB         mongosh \"" + mongoUri() + "\"",
                "  Redis           " + redis.uri(),
                "  logs            " + settings.dataDir().resolve("logs"),
                "Ctrl-C stops everything; the data stays in " + settings.dataDir() + ".",
                "");
    }
}
