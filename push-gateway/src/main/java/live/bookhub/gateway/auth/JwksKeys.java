package live.bookhub.gateway.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import live.bookhub.gateway.system.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The api's public signing keys, read from its JWKS: fetched on first use, kept for
 * {@code jwks-cache-ttl}, and fetched again when a token names a key id we do not know (the api
 * rotated its key) — at most once per {@code jwks-refresh-interval} after a good read (once a second
 * after a failed one), so forged key ids cannot make every handshake call the api.
 */
@Component
class JwksKeys {

    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    /** After a failed read (the api not up yet, say) the next try comes sooner than after a good one. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final URI uri;
    private final Duration cacheTtl;
    private final Duration refreshInterval;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).build();

    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.MIN;
    // guarded by this
    private Instant nextAttempt = Instant.MIN;

    JwksKeys(GatewayProperties properties, Clock clock) {
        this.uri = properties.jwksUri().isBlank() ? null : URI.create(properties.jwksUri());
        this.cacheTtl = properties.jwksCacheTtl();
        this.refreshInterval = properties.jwksRefreshInterval();
        this.clock = clock;
        if (uri == null) {
            log.warn("bookhub.gateway.jwks-uri is not set: every token is refused, clients only get public topics");
        }
    }

    /** The key with this id, fetching the JWKS when it is stale or does not know the id. */
    Optional<PublicKey> find(String keyId) {
        if (uri == null || keyId == null) {
            return Optional.empty();
        }
        PublicKey key = keys.get(keyId);
        if (key != null && fetchedAt.plus(cacheTtl).isAfter(clock.instant())) {
            return Optional.of(key);
        }
        refresh(keyId);
        return Optional.ofNullable(keys.get(keyId));
    }

    private synchronized void refresh(String keyId) {
        Instant now = clock.instant();
        boolean stale = !fetchedAt.plus(cacheTtl).isAfter(now);
        if (!stale && keys.containsKey(keyId) || nextAttempt.isAfter(now)) {
            return; // another thread just read it, or a read was tried moments ago
        }
        nextAttempt = now.plus(refreshInterval.compareTo(RETRY_AFTER_FAILURE) < 0 ? refreshInterval : RETRY_AFTER_FAILURE);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("JWKS {} answered HTTP {}; keeping {} known keys", uri, response.statusCode(), keys.size());
                return;
            }
            keys = publicKeys(Jwks.setParser().build().parse(response.body()));
            fetchedAt = now;
            nextAttempt = now.plus(refreshInterval);
            log.info("read {} signing keys {} from {}", keys.size(), keys.keySet(), uri);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read JWKS {}: {}; keeping {} known keys", uri, e.toString(), keys.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, PublicKey> publicKeys(JwkSet set) {
        Map<String, PublicKey> byId = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            Key key = jwk.toKey();
            if (jwk.getId() != null && key instanceof PublicKey publicKey) {
                byId.put(jwk.getId(), publicKey);
            }
        }
        return Map.copyOf(byId);
    }
}
