package live.bookhub.infra.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Kubernetes manifests against the jars: each Deployment by {@link WiringRules} (readiness on the
 * admin port, a gateway drains within its grace period); Services reach the port the jar serves;
 * disruption budgets and the autoscaler select what they mean to.
 */
final class KubernetesWiring {

    /** The metric the autoscaler scales gateways on. */
    static final String CONNECTIONS_METRIC = "bookhub_gateway_connections";

    private final WiringRules rules;

    KubernetesWiring(WiringRules rules) {
        this.rules = rules;
    }

    List<String> problems(Path kustomization) {
        KubernetesManifests manifests = KubernetesManifests.read(kustomization);
        List<String> problems = new ArrayList<>();
        for (ServiceSpec service : manifests.services()) {
            problems.addAll(rules.problems(service));
            if (service.module().equals("push-gateway") && !preStopSignals(manifests, service)) {
                problems.add(service.name() + ": its preStop hook does not send SIGTERM, which drains the gateway");
            }
        }
        problems.addAll(servicePorts(manifests));
        problems.addAll(budgetsSelectPods(manifests));
        problems.addAll(autoscaler(manifests));
        if (((Number) KubernetesManifests.path(manifests.object("Deployment", "change-watcher"), "spec", "replicas")).intValue() < 2) {
            problems.add("change-watcher: fewer than 2 replicas, so no standby takes over from the leader");
        }
        return problems;
    }

    private static boolean preStopSignals(KubernetesManifests manifests, ServiceSpec gateway) {
        Map<String, Object> container = KubernetesManifests.container(manifests.object("Deployment", gateway.name()));
        return String.join(" ", ComposeFile.strings(KubernetesManifests.path(container, "lifecycle", "preStop", "exec", "command")))
                .contains("kill -TERM 1");
    }

    /** Each Service's targetPort is the port its pods' jar serves clients on. */
    private List<String> servicePorts(KubernetesManifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> service : manifests.objects("Service")) {
            String name = String.valueOf(KubernetesManifests.path(service, "metadata", "name"));
            ServiceSpec pods = manifests.services().stream().filter(spec -> spec.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("Service " + name + " has no Deployment of that name"));
            Map<String, Integer> containerPorts = KubernetesManifests.ports(
                    KubernetesManifests.container(manifests.object("Deployment", name)));
            String property = pods.module().equals("push-gateway") ? "bookhub.gateway.port" : "server.port";
            int served = Integer.parseInt(rules.effective(pods, property));
            for (Object port : (List<?>) KubernetesManifests.path(service, "spec", "ports")) {
                int target = KubernetesManifests.port(KubernetesManifests.map(port).get("targetPort"), containerPorts);
                if (target != served) {
                    problems.add("Service " + name + ": targets port " + target + " but " + pods.module() + " serves on " + property + " " + served);
                }
            }
        }
        return problems;
    }

    private static List<String> budgetsSelectPods(KubernetesManifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> budget : manifests.objects("PodDisruptionBudget")) {
            String name = String.valueOf(KubernetesManifests.path(budget, "metadata", "name"));
            Object selector = KubernetesManifests.path(budget, "spec", "selector", "matchLabels");
            Object labels = KubernetesManifests.path(manifests.object("Deployment", name), "spec", "template", "metadata", "labels");
            if (!Objects.equals(selector, labels)) {
                problems.add("PodDisruptionBudget " + name + ": selects " + selector + " but the pods are labelled " + labels);
            }
        }
        return problems;
    }

    private static List<String> autoscaler(KubernetesManifests manifests) {
        Map<String, Object> hpa = manifests.object("HorizontalPodAutoscaler", "push-gateway");
        List<String> problems = new ArrayList<>();
        if (!"push-gateway".equals(KubernetesManifests.path(hpa, "spec", "scaleTargetRef", "name"))) {
            problems.add("HorizontalPodAutoscaler push-gateway: does not scale the push-gateway Deployment");
        }
        List<?> metrics = (List<?>) KubernetesManifests.path(hpa, "spec", "metrics");
        boolean onConnections = metrics.stream().anyMatch(metric -> CONNECTIONS_METRIC.equals(
                KubernetesManifests.path(KubernetesManifests.map(metric), "pods", "metric", "name")));
        if (!onConnections) {
            problems.add("HorizontalPodAutoscaler push-gateway: does not scale on " + CONNECTIONS_METRIC + " per pod");
        }
        if (((Number) KubernetesManifests.path(hpa, "spec", "minReplicas")).intValue() < 2) {
            problems.add("HorizontalPodAutoscaler push-gateway: fewer than 2 replicas leaves clients nowhere to go during a drain");
        }
        return problems;
    }
}
