package live.bookhub.gateway.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The push-gateway's settings ({@code bookhub.gateway.*}); each is described in the README.
 *
 * @param name              this replica's name in welcome frames and metrics; empty means host:port
 * @param allowedOrigins    origin patterns allowed to open a WebSocket ({@code *} for any)
 * @param sendBufferLimit   how much a client may have queued and unsent before it is closed (1013)
 * @param maxFrameSize      the largest frame a client may send
 * @param replayPageSize    how many stream entries one read of a resume fetches
 * @param resumeBufferLimit how many live events a resuming client buffers before it reads them from
 *                          the stream instead
 */
@ConfigurationProperties("bookhub.gateway")
public record GatewayProperties(
        @DefaultValue("") String name,
        @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("1MB") DataSize sendBufferLimit,
        @DefaultValue("4KB") DataSize maxFrameSize,
        @DefaultValue("500") int replayPageSize,
        @DefaultValue("10000") int resumeBufferLimit) {
}
