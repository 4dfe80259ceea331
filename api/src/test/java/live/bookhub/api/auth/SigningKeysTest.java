package live.bookhub.api.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesAKeyPairOnFirstStartAndReusesItAfterwards() {
        SigningKeys first = new SigningKeys(properties());
        SigningKeys second = new SigningKeys(properties());

        assertThat(dir.resolve(SigningKeys.PRIVATE_KEY_FILE)).exists();
        assertThat(dir.resolve(SigningKeys.PUBLIC_KEY_FILE)).exists();
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void thePrivateKeyIsReadableByItsOwnerOnly() throws Exception {
        new SigningKeys(properties());

        assertThat(Files.getPosixFilePermissions(dir.resolve(SigningKeys.PRIVATE_KEY_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theJwkCarriesTheKeyIdAndUnsignedModulus() {
        SigningKeys keys = new SigningKeys(properties());

        assertThat(keys.jwk()).containsEntry("kid", keys.keyId()).containsEntry("e", "AQAB");
        assertThat((String) keys.jwk().get("n")).hasSize(342);
    }

    private AuthProperties properties() {
        return TestAuthProperties.of("key-dir", dir.toString());
    }
}
