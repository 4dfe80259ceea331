package live.bookhub.infra.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One BookHub service as a deployment file runs it, whatever the file's format (compose, Kubernetes):
 * what it passes to the jar and which of its ports it opens, probes and lets be scraped.
 *
 * @param name          the service's name in the file
 * @param module        the Maven module whose jar it runs: api, change-watcher, push-gateway
 * @param arguments     command-line arguments after the jar ({@code --name=value})
 * @param environment   environment variables
 * @param exposedPorts  container ports published or declared
 * @param healthPort    the port its health check or readiness probe calls, empty when it has none
 * @param healthPath    the HTTP path of that check
 * @param stopGrace     how long it may take to stop before it is killed
 * @param preStopPause  how long a pre-stop hook waits before the stop signal (Kubernetes), else zero
 */
record ServiceSpec(String name, String module, List<String> arguments, Map<String, String> environment,
                   List<Integer> exposedPorts, Optional<Integer> healthPort, String healthPath, Duration stopGrace,
                   Duration preStopPause) {
}
