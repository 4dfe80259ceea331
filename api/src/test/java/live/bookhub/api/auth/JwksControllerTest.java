package live.bookhub.api.auth;

import java.nio.file.Files;
import java.nio.file.Path;

import live.bookhub.api.system.HttpProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JWKS alone: no database, no security filters (the rights are covered by RightsMatrixIT). */
@WebMvcTest(JwksController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(SigningKeys.class)
@EnableConfigurationProperties({AuthProperties.class, HttpProperties.class})
class JwksControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SigningKeys keys;

    @DynamicPropertySource
    static void keyDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("bookhub-jwks-test");
        registry.add("bookhub.auth.key-dir", dir::toString);
    }

    @Test
    void publishesTheSigningKeyAsACacheableJwks() throws Exception {
        mvc.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "max-age=300, public"))
                .andExpect(jsonPath("$.keys.length()").value(1))
                .andExpect(jsonPath("$.keys[0].kid").value(keys.keyId()))
                .andExpect(jsonPath("$.keys[0].kty").value("RSA"))
                .andExpect(jsonPath("$.keys[0].alg").value("RS256"))
                .andExpect(jsonPath("$.keys[0].use").value("sig"))
                .andExpect(jsonPath("$.keys[0].e").value("AQAB"));
    }
}
