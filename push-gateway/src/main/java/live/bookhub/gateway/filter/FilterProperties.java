package live.bookhub.gateway.filter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits on clients' filters ({@code bookhub.gateway.filters.*}); each is described in the README.
 *
 * @param maxListSize                   values one list of a filter ({@code ids}, {@code genre}, {@code author}) may hold
 * @param maxSubscriptionsPerConnection filtered subscriptions one connection may hold
 * @param maxFilterSize                 the largest filter, as JSON
 */
@ConfigurationProperties("bookhub.gateway.filters")
public record FilterProperties(
        @DefaultValue("100") int maxListSize,
        @DefaultValue("10") int maxSubscriptionsPerConnection,
        @DefaultValue("3KB") DataSize maxFilterSize) {
}
