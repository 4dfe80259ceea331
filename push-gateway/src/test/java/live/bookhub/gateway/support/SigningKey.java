package live.bookhub.gateway.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;

/**
 * An RS256 key pair that mints tokens shaped like the api's: {@code iss}, {@code aud} (the defaults
 * of both sides), {@code sub}, {@code name}, {@code role}, {@code exp}, header {@code kid}.
 */
public final class SigningKey {

    private final KeyPair pair;
    private final String keyId;

    private SigningKey(KeyPair pair, String keyId) {
        this.pair = pair;
        this.keyId = keyId;
    }

    public static SigningKey generate() {
        return generate(UUID.randomUUID().toString());
    }

    /** A key pair that claims {@code keyId}, e.g. another key's id, to forge tokens. */
    public static SigningKey generate(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(generator.generateKeyPair(), keyId);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public String token(String userId, String role) {
        return token(userId, role, Instant.now().plus(Duration.ofHours(1)));
    }

    public String token(String userId, String role, Instant expires) {
        return token(userId, role, expires, UnaryOperator.identity());
    }

    /** A token as the api makes it, changed by {@code change} before it is signed RS256 with this key. */
    public String token(String userId, String role, Instant expires, UnaryOperator<JwtBuilder> change) {
        return change.apply(Jwts.builder()
                        .header().keyId(keyId).and()
                        .issuer("bookhub-api")
                        .audience().add("bookhub").and()
                        .subject(userId)
                        .claim("name", userId)
                        .claim("role", role)
                        .issuedAt(Date.from(expires.minus(Duration.ofHours(2))))
                        .expiration(Date.from(expires)))
                .signWith(pair.getPrivate(), Jwts.SIG.RS256)
                .compact();
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    /** This key's public half as one JWK (RFC 7517), as the api publishes it. */
    public String jwk() {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\",\"n\":\""
                + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
