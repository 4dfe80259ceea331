package live.bookhub.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The RS256 key pair that signs every JWT, kept as PEM files in {@code bookhub.auth.key-dir} and
 * generated there on first start. Only the api holds the private key; the gateways get the public
 * one from the JWKS.
 */
@Component
public class SigningKeys {

    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAPrivateCrtKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    SigningKeys(AuthProperties properties) {
        Path dir = properties.keyDir().toAbsolutePath();
        try {
            this.privateKey = loadOrGenerate(dir);
            this.publicKey = publicKeyOf(privateKey);
            writePublicKeyIfMissing(dir.resolve(PUBLIC_KEY_FILE), publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the JWT key pair in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JWT private key in " + dir + " is not an RSA PKCS#8 PEM key", e);
        }
        this.keyId = thumbprint(publicKey);
        log.info("JWT signing key {} loaded from {}", keyId, dir);
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /** The {@code kid} header of every token: the RFC 7638 thumbprint of the public key. */
    public String keyId() {
        return keyId;
    }

    /** The public key as one JWK (RFC 7517). */
    public Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", base64Url(publicKey.getModulus()));
        jwk.put("e", base64Url(publicKey.getPublicExponent()));
        return jwk;
    }

    private static RSAPrivateCrtKey loadOrGenerate(Path dir) throws IOException, GeneralSecurityException {
        Path file = dir.resolve(PRIVATE_KEY_FILE);
        if (Files.exists(file)) {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(file)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        writeAtomically(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        log.info("generated a new JWT key pair in {}", dir);
        return (RSAPrivateCrtKey) pair.getPrivate();
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    /** Written for tools that prefer a file to the JWKS; the api itself derives it from the private key. */
    private static void writePublicKeyIfMissing(Path file, RSAPublicKey key) throws IOException {
        if (!Files.exists(file)) {
            writeAtomically(file, pem("PUBLIC KEY", key.getEncoded()), false);
        }
    }

    // Write-then-rename so that a crash never leaves a half-written key that would fail every later start.
    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            }
            Files.writeString(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** JWK integers are unsigned big-endian: drop the sign byte BigInteger may add. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
