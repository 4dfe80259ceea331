package live.bookhub.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as data: its services, and the BookHub ones as {@link ServiceSpec}s. */
final class ComposeFile {

    private static final Pattern JAR = Pattern.compile("/([a-z-]+)\\.jar$");
    private static final Pattern TCP_PROBE = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)");
    private static final Pattern HTTP_PATH = Pattern.compile("GET (\\S+) HTTP");
    /** Docker's default before SIGKILL. */
    private static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

    private final Map<String, Map<String, Object>> services;

    private ComposeFile(Map<String, Map<String, Object>> services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file) {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(file));
            return new ComposeFile((Map<String, Map<String, Object>>) compose.get("services"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services.get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The services that run one of our jars. */
    List<ServiceSpec> javaServices() {
        List<ServiceSpec> specs = new ArrayList<>();
        services.forEach((name, service) -> {
            List<String> command = strings(service.get("command"));
            int jar = indexOfJar(command);
            if (jar >= 0) {
                Matcher module = JAR.matcher(command.get(jar));
                module.find();
                specs.add(new ServiceSpec(name, module.group(1), command.subList(jar + 1, command.size()),
                        environment(service), containerPorts(service), healthPort(service), healthPath(service),
                        stopGrace(service), Duration.ZERO));
            }
        });
        return specs;
    }

    /** The host:container pairs' container side. */
    static List<Integer> containerPorts(Map<String, Object> service) {
        return strings(service.get("ports")).stream()
                .map(mapping -> Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1))).toList();
    }

    /** The sources of the service's bind mounts ({@code ./path:/in/container}), relative to the compose file. */
    static List<String> boundFiles(Map<String, Object> service) {
        return strings(service.get("volumes")).stream().filter(volume -> volume.startsWith("./"))
                .map(volume -> volume.substring(2, volume.indexOf(':'))).toList();
    }

    static List<String> strings(Object list) {
        if (list == null) {
            return List.of();
        }
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static int indexOfJar(List<String> command) {
        for (int i = 0; i < command.size(); i++) {
            if (JAR.matcher(command.get(i)).find() && i > 0 && command.get(i - 1).equals("-jar")) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> environment.put(key, String.valueOf(value)));
        }
        return environment;
    }

    private static Optional<Integer> healthPort(Map<String, Object> service) {
        Matcher port = TCP_PROBE.matcher(healthCommand(service));
        return port.find() ? Optional.of(Integer.parseInt(port.group(1))) : Optional.empty();
    }

    private static String healthPath(Map<String, Object> service) {
        Matcher path = HTTP_PATH.matcher(healthCommand(service));
        return path.find() ? path.group(1) : "";
    }

    @SuppressWarnings("unchecked")
    private static String healthCommand(Map<String, Object> service) {
        Map<String, Object> healthcheck = (Map<String, Object>) service.get("healthcheck");
        return healthcheck == null ? "" : String.join(" ", strings(healthcheck.get("test")));
    }

    /** Compose durations ({@code 30s}, {@code 1m30s}) are ISO-8601's without the {@code PT}. */
    private static Duration stopGrace(Map<String, Object> service) {
        Object grace = service.get("stop_grace_period");
        return grace == null ? DEFAULT_STOP_GRACE : Duration.parse("PT" + grace.toString().toUpperCase());
    }
}
