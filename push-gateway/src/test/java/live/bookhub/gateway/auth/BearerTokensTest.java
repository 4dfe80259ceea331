package live.bookhub.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokensTest {

    @Test
    void theQueryParameterComesFirstThenTheHeaderThenTheCookie() {
        assertThat(BearerTokens.find("q", "Bearer h", "bookhub_token=c")).isEqualTo("q");
        assertThat(BearerTokens.find(null, "Bearer h", "bookhub_token=c")).isEqualTo("h");
        assertThat(BearerTokens.find(null, null, "theme=dark; bookhub_token=c; other=1")).isEqualTo("c");
    }

    @Test
    void otherSchemesAndOtherCookiesCarryNoToken() {
        assertThat(BearerTokens.find("", "Basic abc", "session=x")).isNull();
        assertThat(BearerTokens.find(null, null, null)).isNull();
        assertThat(BearerTokens.find(null, "bearer lower", null)).isEqualTo("lower");
    }
}
