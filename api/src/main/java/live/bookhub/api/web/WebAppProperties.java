package live.bookhub.api.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the web app learns from {@code GET /api/config}.
 *
 * @param gateways the push-gateways' WebSocket endpoints, each resolved by the page against its own
 *                 location: {@code /ws} (the page's origin, e.g. a load balancer), {@code :8081/ws} (the
 *                 page's host on that port, scheme {@code ws:} or {@code wss:} as the page's), or an
 *                 absolute {@code ws(s)://} URL. One entry behind a load balancer; the local stack lists
 *                 each gateway, and the page moves to the next one when a connection fails.
 */
@ConfigurationProperties("bookhub.web")
public record WebAppProperties(@DefaultValue(":8081/ws") List<String> gateways) {
}
