package live.bookhub.api.auth;

import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mints and verifies the RS256 access JWTs: {@code sub} = user id, {@code name}, {@code role},
 * {@code iss}, {@code aud}, {@code iat}, {@code exp}, header {@code kid}. A token is accepted only
 * when all of them are what this api issues: signed RS256 by our key under our key id, ours by
 * issuer and audience, and within its lifetime (no clock skew is allowed).
 */
@Component
public class JwtTokens {

    private static final Logger log = LoggerFactory.getLogger(JwtTokens.class);

    private final SigningKeys keys;
    private final AuthProperties properties;
    private final Clock clock;
    private final JwtParser parser;

    JwtTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.parser = Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        // Our key for our key id and algorithm only: anything else (alg none or HS256
                        // with the public key as secret, another kid) finds no key and is refused.
                        if (!keys.keyId().equals(header.getKeyId()) || !Jwts.SIG.RS256.getId().equals(header.getAlgorithm())) {
                            throw new JwtException("not signed RS256 with key " + keys.keyId());
                        }
                        return keys.publicKey();
                    }
                })
                .requireIssuer(properties.issuer())
                .requireAudience(properties.audience())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public String issue(User user) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header().keyId(keys.keyId()).and()
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .subject(user.id())
                .claim("name", user.username())
                .claim("role", user.role().value())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(properties.accessTokenTtl())))
                .signWith(keys.privateKey(), Jwts.SIG.RS256)
                .compact();
    }

    /** The caller a token names, or empty when it is forged, expired, not yet valid, not ours or malformed. */
    public Optional<CurrentUser> verify(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getSubject() == null || claims.getExpiration() == null) {
                return Optional.empty();
            }
            return Optional.of(new CurrentUser(claims.getSubject(), claims.get("name", String.class),
                    Role.of(claims.get("role", String.class))));
        } catch (JwtException | IllegalArgumentException e) {
            log.debug("rejected a token: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
