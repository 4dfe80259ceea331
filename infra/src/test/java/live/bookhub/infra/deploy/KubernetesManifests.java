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

/**
 * The Kubernetes manifests that kustomization.yaml lists, as data: objects by kind and name, and the
 * Deployments of our images as {@link ServiceSpec}s.
 */
final class KubernetesManifests {

    private static final Pattern PRE_STOP_SLEEP = Pattern.compile("^sleep (\\d+)");
    /** Kubernetes' default before SIGKILL. */
    private static final int DEFAULT_GRACE_SECONDS = 30;

    private final List<Map<String, Object>> objects;

    private KubernetesManifests(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    /** Reads the resources a kustomization lists, from the folder it is in. */
    @SuppressWarnings("unchecked")
    static KubernetesManifests read(Path kustomization) {
        Map<String, Object> kustomize = load(kustomization).get(0);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : ComposeFile.strings(kustomize.get("resources"))) {
            objects.addAll(load(kustomization.resolveSibling(resource)));
        }
        return new KubernetesManifests(objects);
    }

    Map<String, Object> object(String kind, String name) {
        return objects.stream().filter(object -> kind.equals(object.get("kind")) && name.equals(path(object, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the manifests"));
    }

    List<Map<String, Object>> objects(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    /** Each Deployment whose container runs a bookhub/&lt;module&gt; image. */
    List<ServiceSpec> services() {
        List<ServiceSpec> services = new ArrayList<>();
        for (Map<String, Object> deployment : objects("Deployment")) {
            Map<String, Object> pod = map(path(deployment, "spec", "template", "spec"));
            Map<String, Object> container = container(deployment);
            String image = String.valueOf(container.get("image"));
            if (!image.startsWith("bookhub/")) {
                continue;
            }
            Map<String, Integer> ports = ports(container);
            Map<String, Object> probe = map(path(container, "readinessProbe", "httpGet"));
            Optional<Integer> healthPort = probe.isEmpty() ? Optional.empty() : Optional.of(port(probe.get("port"), ports));
            Object grace = pod.getOrDefault("terminationGracePeriodSeconds", DEFAULT_GRACE_SECONDS);
            services.add(new ServiceSpec(String.valueOf(path(deployment, "metadata", "name")), image.substring("bookhub/".length()),
                    ComposeFile.strings(container.get("args")), environment(container), List.copyOf(ports.values()),
                    healthPort, String.valueOf(probe.getOrDefault("path", "")), Duration.ofSeconds(((Number) grace).longValue()),
                    preStopPause(container)));
        }
        return services;
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        return map(((List<?>) path(deployment, "spec", "template", "spec", "containers")).get(0));
    }

    static Map<String, Integer> ports(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object port : (List<?>) container.getOrDefault("ports", List.of())) {
            Map<String, Object> declared = map(port);
            ports.put(String.valueOf(declared.get("name")), ((Number) declared.get("containerPort")).intValue());
        }
        return ports;
    }

    /** A port given by number or by the name of one of the container's ports. */
    static int port(Object port, Map<String, Integer> named) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        Integer byName = named.get(String.valueOf(port));
        if (byName == null) {
            throw new AssertionError("no container port named " + port);
        }
        return byName;
    }

    static Object path(Map<String, Object> object, String... keys) {
        Object node = object;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object variable : (List<?>) container.getOrDefault("env", List.of())) {
            Map<String, Object> declared = map(variable);
            environment.put(String.valueOf(declared.get("name")), String.valueOf(declared.getOrDefault("value", "(from the cluster)")));
        }
        return environment;
    }

    private static Duration preStopPause(Map<String, Object> container) {
        List<String> command = ComposeFile.strings(path(container, "lifecycle", "preStop", "exec", "command"));
        Matcher sleep = PRE_STOP_SLEEP.matcher(command.isEmpty() ? "" : command.get(command.size() - 1));
        return sleep.find() ? Duration.ofSeconds(Long.parseLong(sleep.group(1))) : Duration.ZERO;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) {
        try {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(Files.readString(file))) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
