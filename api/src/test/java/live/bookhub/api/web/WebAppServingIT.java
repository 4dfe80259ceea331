package live.bookhub.api.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import live.bookhub.api.support.ApiIntegrationTest;
import live.bookhub.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "bookhub.web.gateways=:18081/ws,:18082/ws")
class WebAppServingIT extends ApiIntegrationTest {

    @Test
    void theConfigurationTellsAnyoneWhereTheGatewaysAre() {
        Http.Response config = http.get("/api/config", null);

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("gateways").values()).extracting(node -> node.asString())
                .containsExactly(":18081/ws", ":18082/ws");
    }

    @Test
    void aPageOfTheAppReloadedOrLinkedGetsTheApp() {
        for (String page : new String[] {"/", "/books/665f00000000000000000001", "/cart", "/admin/books/new", "/login?next=/orders"}) {
            Http.Response response = http.get(page, null);

            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(page).startsWith("text/html");
            assertThat(response.raw()).as(page).contains("<div id=\"root\">");
            assertThat(response.header("Cache-Control")).as(page).contains("no-cache");
        }
    }

    @Test
    void builtFilesAreCachedForGoodAndMissingFilesAreNotTheApp() {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(http.get("/", null).raw());
        assertThat(script.find()).isTrue();

        Http.Response asset = http.get(script.group(1), null);
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control")).contains("immutable");

        assertThat(http.get("/assets/missing-0000.js", null).status()).isEqualTo(404);
        assertThat(http.get("/favicon.ico", null).status()).isEqualTo(404);
    }

    @Test
    void unknownApiPathsStayProblems() {
        Http.Response response = http.get("/api/no-such-thing", adminToken);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
