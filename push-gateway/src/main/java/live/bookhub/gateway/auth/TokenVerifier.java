package live.bookhub.gateway.auth;

import java.security.Key;
import java.time.Clock;
import java.util.Date;
import java.util.function.UnaryOperator;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks a JWT the api issued: its signature against the api's published key (never a shared
 * secret), its issuer and audience, its expiry, and its subject. A bad token makes the connection anonymous, with the reason
 * kept for the error frames of the topics it then may not read.
 */
@Component
public class TokenVerifier {

    private static final Logger log = LoggerFactory.getLogger(TokenVerifier.class);

    private final JwtParser parser;

    TokenVerifier(JwksKeys keys, TokenProperties required, Clock clock) {
        this.parser = Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        return keys.find(header.getKeyId())
                                .orElseThrow(() -> new UnknownKeyException("no signing key " + header.getKeyId()));
                    }
                })
                .requireIssuer(required.issuer())
                .requireAudience(required.audience())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /**
     * Who sends a request: its token, from wherever {@link BearerTokens} finds one, verified.
     *
     * @param query  a query parameter by name (decoded), or {@code null}
     * @param header a request header by name, or {@code null}
     */
    public Authentication authenticate(UnaryOperator<String> query, UnaryOperator<String> header) {
        return verify(BearerTokens.find(query.apply(BearerTokens.QUERY_PARAMETER), header.apply("Authorization"), header.apply("Cookie")));
    }

    /** @param token the compact JWT, or {@code null} when the client sent none */
    public Authentication verify(String token) {
        if (token == null || token.isBlank()) {
            return Authentication.NO_TOKEN;
        }
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            String role = claims.get("role", String.class);
            if (claims.getSubject() == null || claims.getSubject().isBlank() || role == null || claims.getExpiration() == null) {
                return Authentication.rejected("the token names no user, role or expiry");
            }
            return Authentication.of(new Viewer(claims.getSubject(), role), claims.getExpiration().toInstant());
        } catch (ExpiredJwtException e) {
            return Authentication.rejected("the token has expired");
        } catch (JwtException | IllegalArgumentException e) {
            log.debug("rejected a token: {}", e.getMessage());
            return Authentication.rejected("the token is not valid");
        }
    }

    private static final class UnknownKeyException extends JwtException {
        UnknownKeyException(String message) {
            super(message);
        }
    }
}
