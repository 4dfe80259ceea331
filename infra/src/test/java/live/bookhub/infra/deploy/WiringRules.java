package live.bookhub.infra.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.convert.DurationStyle;

/**
 * The invariants every deployment of the services must keep, checked against the jars themselves:
 * each setting is one the jar binds; the port the jar serves on is the one opened and probed; a
 * gateway stops (drains its clients with 1012) within the time it is given.
 */
final class WiringRules {

    /** Each shutdown phase but the drain is quick; this much is left for them after the drain. */
    static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(5);
    /** The health group that means "send it work": every service's readiness probe and health check calls it. */
    static final String READINESS = "/actuator/health/readiness";

    private final Map<String, ServiceJar> jars;

    WiringRules(Map<String, ServiceJar> jars) {
        this.jars = jars;
    }

    /** Every broken invariant, one line each; empty when the deployment is sound. */
    List<String> problems(ServiceSpec service) {
        ServiceJar jar = jars.get(service.module());
        List<String> problems = new ArrayList<>();
        for (String argument : service.arguments()) {
            if (argument.startsWith("--") && !jar.knows(argument.substring(2).split("=", 2)[0])) {
                problems.add(service.name() + ": argument " + argument + " is no property of " + jar.module() + ".jar");
            }
        }
        for (String variable : service.environment().keySet()) {
            if (!variable.equals("JAVA_TOOL_OPTIONS") && !jar.knowsVariable(variable)) {
                problems.add(service.name() + ": environment variable " + variable + " is no property of " + jar.module() + ".jar");
            }
        }
        int adminPort = Integer.parseInt(effective(service, "server.port"));
        if (service.healthPort().isEmpty()) {
            problems.add(service.name() + ": no health check");
        } else if (service.healthPort().get() != adminPort || !service.healthPath().equals(READINESS)) {
            problems.add(service.name() + ": health check calls port " + service.healthPort().get() + service.healthPath()
                    + " but readiness (" + READINESS + ") is on server.port " + adminPort);
        }
        if (service.module().equals("push-gateway")) {
            problems.addAll(gatewayProblems(service));
        } else if (!service.exposedPorts().isEmpty() && !service.exposedPorts().contains(adminPort)) {
            problems.add(service.name() + ": opens " + service.exposedPorts() + " but serves on server.port " + adminPort);
        }
        return problems;
    }

    private List<String> gatewayProblems(ServiceSpec service) {
        List<String> problems = new ArrayList<>();
        int clientPort = Integer.parseInt(effective(service, "bookhub.gateway.port"));
        if (!service.exposedPorts().isEmpty() && !service.exposedPorts().contains(clientPort)) {
            problems.add(service.name() + ": opens " + service.exposedPorts() + " but clients connect on bookhub.gateway.port " + clientPort);
        }
        Duration drain = duration(effective(service, "bookhub.gateway.drain-timeout"));
        Duration phase = duration(effective(service, "spring.lifecycle.timeout-per-shutdown-phase"));
        if (drain.compareTo(phase) > 0) {
            problems.add(service.name() + ": drain-timeout " + drain + " is longer than a shutdown phase may last (" + phase + ")");
        }
        Duration needed = service.preStopPause().plus(drain).plus(SHUTDOWN_MARGIN);
        if (service.stopGrace().compareTo(needed) < 0) {
            problems.add(service.name() + ": given " + service.stopGrace() + " to stop, but a drain needs "
                    + service.preStopPause() + " pre-stop + " + drain + " drain-timeout + " + SHUTDOWN_MARGIN + " margin");
        }
        return problems;
    }

    /** The value the service runs with: its argument, else its environment, else the jar's own. */
    String effective(ServiceSpec service, String property) {
        String canonical = ServiceJar.canonical(property);
        for (String argument : service.arguments()) {
            String[] pair = argument.replaceFirst("^--", "").split("=", 2);
            if (pair.length == 2 && ServiceJar.canonical(pair[0]).equals(canonical)) {
                return pair[1];
            }
        }
        Optional<String> fromEnvironment = service.environment().entrySet().stream()
                .filter(variable -> ServiceJar.binds(variable.getKey(), property))
                .map(Map.Entry::getValue).findFirst();
        return fromEnvironment.or(() -> jars.get(service.module()).defaultValue(property))
                .orElseThrow(() -> new IllegalStateException(service.module() + ".jar has no default for " + property));
    }

    static Duration duration(String value) {
        return DurationStyle.detectAndParse(value.trim());
    }
}
