package live.bookhub.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a token must say besides carrying the api's signature ({@code bookhub.gateway.token.*}); each
 * must equal the api's setting of the same name, so that a token the api minted for something else,
 * or another deployment's, is refused.
 *
 * @param issuer   the required {@code iss} claim, the api's {@code bookhub.auth.issuer}
 * @param audience the required {@code aud} value, the api's {@code bookhub.auth.audience}
 */
@ConfigurationProperties("bookhub.gateway.token")
public record TokenProperties(
        @DefaultValue("bookhub-api") String issuer,
        @DefaultValue("bookhub") String audience) {
}
