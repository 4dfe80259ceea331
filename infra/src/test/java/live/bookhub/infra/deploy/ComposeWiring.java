package live.bookhub.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml against the jars and the files it mounts: each BookHub service by
 * {@link WiringRules}; nginx forwards to the gateways' client port and listens where it is published;
 * Prometheus scrapes each service on its admin port; every mounted file exists.
 */
final class ComposeWiring {

    private static final Pattern NGINX_LISTEN = Pattern.compile("listen\\s+(\\d+);");
    private static final Pattern NGINX_UPSTREAM = Pattern.compile("set \\$gateways (\\S+);\\s*proxy_pass http://\\$gateways:(\\d+);");

    private final WiringRules rules;
    private final Path root;

    /** @param root the folder the compose file's relative paths start from */
    ComposeWiring(WiringRules rules, Path root) {
        this.rules = rules;
        this.root = root;
    }

    List<String> problems(Path composeFile) {
        ComposeFile compose = ComposeFile.read(composeFile);
        List<ServiceSpec> services = compose.javaServices();
        List<String> problems = new ArrayList<>();
        services.forEach(service -> problems.addAll(rules.problems(service)));
        problems.addAll(mountedFilesExist(compose));
        problems.addAll(loadBalancer(compose, gateway(services)));
        problems.addAll(scrapeTargets(compose, services));
        return problems;
    }

    private List<String> mountedFilesExist(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("gateway-lb", "prometheus", "grafana")) {
            for (String file : ComposeFile.boundFiles(compose.service(name))) {
                if (!Files.exists(root.resolve(file))) {
                    problems.add(name + ": mounts ./" + file + ", which does not exist");
                }
            }
        }
        return problems;
    }

    private List<String> loadBalancer(ComposeFile compose, ServiceSpec gateway) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> lb = compose.service("gateway-lb");
        String config = read(root.resolve(ComposeFile.boundFiles(lb).get(0)));
        Matcher upstream = NGINX_UPSTREAM.matcher(config);
        if (!upstream.find()) {
            return List.of("gateway-lb: nginx.conf does not proxy to $gateways");
        }
        int clientPort = Integer.parseInt(rules.effective(gateway, "bookhub.gateway.port"));
        if (!upstream.group(1).equals(gateway.name()) || Integer.parseInt(upstream.group(2)) != clientPort) {
            problems.add("gateway-lb: nginx forwards to " + upstream.group(1) + ":" + upstream.group(2) + " but the gateways are "
                    + gateway.name() + " with clients on " + clientPort);
        }
        Matcher listen = NGINX_LISTEN.matcher(config);
        if (!listen.find() || !ComposeFile.containerPorts(lb).contains(Integer.parseInt(listen.group(1)))) {
            problems.add("gateway-lb: publishes " + ComposeFile.containerPorts(lb) + " but nginx listens elsewhere");
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private List<String> scrapeTargets(ComposeFile compose, List<ServiceSpec> services) {
        Map<String, Object> prometheus = new Yaml().load(read(root.resolve(ComposeFile.boundFiles(compose.service("prometheus")).get(0))));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            for (String target : targets(job)) {
                String host = target.substring(0, target.indexOf(':'));
                int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
                int served = services.stream().filter(service -> service.name().equals(host)).findFirst()
                        .map(service -> Integer.parseInt(rules.effective(service, "server.port")))
                        .orElseGet(() -> exporterPort(compose, host));
                if (port != served) {
                    problems.add("prometheus: job " + job.get("job_name") + " scrapes " + target + " but " + host + " serves metrics on " + served);
                }
            }
        }
        return problems;
    }

    /** A non-Java service's metrics port, from its {@code --web.listen-address=:port}; -1 when there is no such service. */
    private static int exporterPort(ComposeFile compose, String host) {
        try {
            return ComposeFile.strings(compose.service(host).get("command")).stream()
                    .filter(argument -> argument.startsWith("--web.listen-address="))
                    .map(argument -> Integer.parseInt(argument.substring(argument.lastIndexOf(':') + 1)))
                    .findFirst().orElse(-1);
        } catch (AssertionError noSuchService) {
            return -1;
        }
    }

    /** static_configs targets, and dns_sd_configs names with their port, as host:port. */
    @SuppressWarnings("unchecked")
    private static List<String> targets(Map<String, Object> job) {
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> config : (List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())) {
            targets.addAll(ComposeFile.strings(config.get("targets")));
        }
        for (Map<String, Object> config : (List<Map<String, Object>>) job.getOrDefault("dns_sd_configs", List.of())) {
            ComposeFile.strings(config.get("names")).forEach(name -> targets.add(name + ":" + config.get("port")));
        }
        return targets;
    }

    private static ServiceSpec gateway(List<ServiceSpec> services) {
        return services.stream().filter(service -> service.module().equals("push-gateway")).findFirst()
                .orElseThrow(() -> new AssertionError("docker-compose.yml runs no push-gateway"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
