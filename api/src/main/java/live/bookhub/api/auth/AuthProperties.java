package live.bookhub.api.auth;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts and tokens.
 *
 * @param keyDir          folder holding the RS256 key pair ({@code jwt-private.pem}, {@code jwt-public.pem}); generated when missing
 * @param accessTokenTtl  how long an access JWT (and the cookie carrying it) stays valid; a role taken away
 *                        through the api or in MongoDB lasts at most this long in tokens already issued
 * @param refreshTokenTtl how long a refresh token stays usable; each refresh starts this period again
 * @param issuer          the {@code iss} claim of every JWT, required on the tokens the api accepts
 * @param audience        the {@code aud} claim of every JWT (the api and the gateways), required likewise
 * @param cookieSecure    whether the auth cookies get the {@code Secure} attribute (turn on behind HTTPS)
 * @param bcryptStrength  log2 of the bcrypt rounds of password hashes (4 to 31); raise it as hardware gets faster
 * @param loginLimit      login rate limits
 */
@ConfigurationProperties("bookhub.auth")
public record AuthProperties(
        @DefaultValue("data/keys") Path keyDir,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("bookhub-api") String issuer,
        @DefaultValue("bookhub") String audience,
        @DefaultValue("false") boolean cookieSecure,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue LoginLimit loginLimit) {

    /**
     * @param perIp      login attempts one client address may make per window
     * @param perAccount failed logins one account may take per window before it is throttled
     * @param window     the length of the counting window
     */
    public record LoginLimit(
            @DefaultValue("30") int perIp,
            @DefaultValue("5") int perAccount,
            @DefaultValue("1m") Duration window) {
    }
}
