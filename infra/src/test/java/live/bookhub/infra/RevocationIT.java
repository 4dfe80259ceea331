package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.Mongosh;
import live.bookhub.infra.support.StreamHistory;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Rights taken away reach open sockets through the pipeline: a demotion in the admin api or in the
 * real mongosh takes {@code admin} away on both gateways within 2 s, a deletion in mongosh or a
 * disabling in the admin api closes the user's sockets (4403), and a refresh follows the account as it
 * is now. No frame that any client of these tests receives (the user's, an admin's, an anonymous
 * one's), nor any entry of the Redis stream, carries a field of a user's document.
 */
@SystemTest
class RevocationIT {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    private final LocalStack stack;
    private final String baseUrl;
    private final Api admin;
    private final List<LiveClient> clients = new ArrayList<>();
    /** The accounts of a test, whose fields no frame may carry. */
    private final List<JsonNode> accounts = new ArrayList<>();

    RevocationIT(LocalStack stack) {
        this.stack = stack;
        this.baseUrl = stack.api().baseUrl();
        this.admin = Api.admin(baseUrl);
    }

    @BeforeEach
    void watchAsAnAdminAndAsAnonymous() {
        open(0, "topics=books,admin&access_token=" + admin.token());
        open(1, "topics=books");
    }

    @AfterEach
    void noFrameNorStreamEntryCarriesAUserField() {
        try {
            for (LiveClient client : clients) {
                for (JsonNode frame : client.frames()) {
                    assertThat(frame.toString()).doesNotContain("session:revoked", "\"control\"");
                    assertNoUserField(frame);
                }
            }
            StreamHistory.read(stack).forEach(this::assertNoUserField);
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void aDemotionInTheAdminApiTakesAdminAwayOnBothGatewaysWithinTwoSeconds() {
        Api.Session bob = promotedAdmin("bob");
        List<LiveClient> sockets = onBothGateways(bob, "books,admin,orders:" + bob.userId());

        long before = System.currentTimeMillis();
        admin.changeUser(bob.userId(), Api.json().put("role", "customer"));

        assertAdminRevokedWithinTwoSeconds(sockets, before);
        // The api revokes the refresh tokens with a demotion it makes: the next sign-in is a customer's.
        assertThat(Api.refresh(baseUrl, bob.refreshCookie()).status()).isEqualTo(401);
        assertThat(Api.login(baseUrl, bob.user().path("username").asString(), Api.CUSTOMER_PASSWORD).tokenRole()).isEqualTo("customer");
    }

    @Test
    void aDemotionInMongoshTakesAdminAwayOnBothGatewaysWithinTwoSecondsAndARefreshGivesACustomerToken() {
        Api.Session carol = promotedAdmin("carol");
        List<LiveClient> sockets = onBothGateways(carol, "books,admin");

        long before = Long.parseLong(lastLine(Mongosh.eval(stack.mongoUri(), "const before = Date.now(); db.users.updateOne({username: '"
                + carol.user().path("username").asString() + "'}, {$set: {role: 'customer'}}); print(before)")));

        assertAdminRevokedWithinTwoSeconds(sockets, before);
        // Her sign-up and her promotion took no right away: the demotion is her one control event.
        assertThat(StreamHistory.read(stack)).filteredOn(entry -> entry.path("data").path("userId").asString("").equals(carol.userId()))
                .extracting(entry -> entry.path("type").asString() + " " + entry.path("topic").asString() + " " + entry.path("data"))
                .containsExactly("session:revoked control {\"userId\":\"" + carol.userId() + "\",\"reason\":\"demoted\",\"role\":\"customer\"}");
        Api.Session refreshed = Api.refreshed(baseUrl, carol.refreshCookie());
        assertThat(refreshed.tokenRole()).isEqualTo("customer");
        assertThat(refreshed.user().path("role").asString()).isEqualTo("customer");
    }

    @Test
    void deletingAUserInMongoshClosesTheirSocketsWithTheRevokedCodeAndTheirRefreshTokenNoLongerWorks() throws Exception {
        Api.Session dave = Api.signUp(baseUrl, "dave");
        accounts.add(dave.user());
        List<LiveClient> sockets = onBothGateways(dave, "books,orders:" + dave.userId());

        Mongosh.eval(stack.mongoUri(), "db.users.deleteOne({_id: ObjectId('" + dave.userId() + "')})");

        for (LiveClient socket : sockets) {
            assertThat(socket.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4403);
        }
        assertThat(Api.refresh(baseUrl, dave.refreshCookie()).status()).isEqualTo(401);
        assertThat(clients.get(0).closeCode()).as("the admin watching stays").isNotDone();
    }

    @Test
    void disablingAUserInTheAdminApiClosesTheirSocketsWithTheRevokedCodeAndRefusesTheirRefresh() throws Exception {
        Api.Session erin = Api.signUp(baseUrl, "erin");
        accounts.add(erin.user());
        List<LiveClient> sockets = onBothGateways(erin, "books,orders:" + erin.userId());

        admin.changeUser(erin.userId(), Api.json().put("disabled", true));

        for (LiveClient socket : sockets) {
            assertThat(socket.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4403);
        }
        assertThat(Api.refresh(baseUrl, erin.refreshCookie()).status()).isEqualTo(401);
    }

    private void assertNoUserField(JsonNode frame) {
        String text = frame.toString();
        assertThat(text).doesNotContain("passwordHash", "$2a$", "$2b$");
        for (JsonNode account : accounts) {
            assertThat(text).doesNotContain(account.path("email").asString(), account.path("username").asString());
        }
    }

    /** A customer made admin through the api, then signed in again: an admin's token and refresh cookie. */
    private Api.Session promotedAdmin(String name) {
        Api.Session customer = Api.signUp(baseUrl, name);
        admin.changeUser(customer.userId(), Api.json().put("role", "admin"));
        Api.Session promoted = Api.login(baseUrl, customer.user().path("username").asString(), Api.CUSTOMER_PASSWORD);
        assertThat(promoted.tokenRole()).isEqualTo("admin");
        accounts.add(promoted.user());
        return promoted;
    }

    private List<LiveClient> onBothGateways(Api.Session user, String topics) {
        List<LiveClient> sockets = List.of(open(0, "topics=" + topics + "&access_token=" + user.token()),
                open(1, "topics=" + topics + "&access_token=" + user.token()));
        for (LiveClient socket : sockets) {
            assertThat(socket.welcome().path("topics").toString()).contains("\"books\"");
        }
        return sockets;
    }

    private static void assertAdminRevokedWithinTwoSeconds(List<LiveClient> sockets, long writtenAtMillis) {
        for (LiveClient socket : sockets) {
            await().atMost(Duration.ofSeconds(10)).until(() -> socket.first(RevocationIT::adminRevoked).isPresent());
            long millis = socket.first(RevocationIT::adminRevoked).orElseThrow().atMillis() - writtenAtMillis;
            System.out.printf("admin revoked on %s %d ms after the write%n", socket.welcome().path("gateway").asString(), millis);
            assertThat(millis).as("ms from the write to the error frame").isLessThanOrEqualTo(WITHIN.toMillis());
            assertThat(socket.closeCode()).as("a demoted user's socket stays open").isNotDone();
        }
    }

    private static boolean adminRevoked(JsonNode frame) {
        return frame.path("type").asString().equals("error") && frame.path("code").asString().equals("revoked")
                && frame.path("topic").asString().equals("admin");
    }

    private LiveClient open(int gateway, String query) {
        LiveClient client = LiveClient.connect(stack.gateways().get(gateway).port(), query);
        clients.add(client);
        return client;
    }

    private static String lastLine(String output) {
        String[] lines = output.split("\\R");
        return lines[lines.length - 1].trim();
    }
}
