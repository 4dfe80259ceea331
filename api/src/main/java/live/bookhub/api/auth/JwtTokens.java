package live.bookhub.api.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Mints and verifies the RS256 JWTs: {@code sub} = user id, {@code name}, {@code role}, {@code exp}, header {@code kid}. */
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
                .verifyWith(keys.publicKey())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public String issue(User user) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header().keyId(keys.keyId()).and()
                .subject(user.id())
                .claim("name", user.username())
                .claim("role", user.role().value())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(properties.tokenTtl())))
                .signWith(keys.privateKey(), Jwts.SIG.RS256)
                .compact();
    }

    /** The caller a token names, or empty when it is forged, expired or malformed. */
    public Optional<CurrentUser> verify(String token) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getSubject() == null) {
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
