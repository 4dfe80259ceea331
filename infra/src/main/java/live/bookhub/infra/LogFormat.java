package live.bookhub.infra;

import java.util.List;
import java.util.Map;

/**
 * How the services write their logs ({@code BOOKHUB_LOG_FORMAT}): {@code text}, Spring Boot's
 * console lines, or {@code json}, one Elastic Common Schema object per line (Spring Boot's structured
 * logging), with the ids each line concerns as fields of their own, for a log shipper or {@code jq}.
 */
public enum LogFormat {
    TEXT(List.of()),
    /** ECS, and no banner: every line of a service's log is then one JSON object. */
    JSON(List.of("--logging.structured.format.console=ecs", "--spring.main.banner-mode=off"));

    static final String VARIABLE = "BOOKHUB_LOG_FORMAT";

    private final List<String> serviceArgs;

    LogFormat(List<String> serviceArgs) {
        this.serviceArgs = serviceArgs;
    }

    /** The arguments every service gets for this format. */
    public List<String> serviceArgs() {
        return serviceArgs;
    }

    static LogFormat fromEnvironment(Map<String, String> env) {
        String value = env.getOrDefault(VARIABLE, "text").trim();
        for (LogFormat format : values()) {
            if (format.name().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw new StackException(VARIABLE + " must be text or json, not \"" + value + "\"");
    }
}
