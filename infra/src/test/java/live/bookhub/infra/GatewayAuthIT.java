package live.bookhub.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.support.Api;
import live.bookhub.infra.support.LiveClient;
import live.bookhub.infra.support.SystemTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tokens the real api issues, verified by the gateways with the api's JWKS: who may read
 * {@code books}, a customer's {@code orders:<id>} and {@code admin}, and what a forged token gets.
 */
@SystemTest
class GatewayAuthIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalStack stack;
    private final Api admin;
    private final List<LiveClient> clients = new ArrayList<>();

    GatewayAuthIT(LocalStack stack) {
        this.stack = stack;
        this.admin = Api.admin(stack.api().baseUrl());
    }

    @AfterEach
    void closeClients() {
        clients.forEach(LiveClient::close);
    }

    @Test
    void eachViewerReadsWhatItsRealTokenAllowsAndAnOrderReachesOnlyItsCustomerAndTheAdmins() throws Exception {
        JsonNode ada = signUp("ada");
        JsonNode bob = signUp("bob");
        String adaId = ada.path("user").path("id").asString();
        String adminToken = post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin-password-1\"}").path("token").asString();
        String topics = "topics=books,orders:" + adaId + ",admin";

        LiveClient anonymous = open(topics);
        LiveClient asAda = open(topics + "&access_token=" + ada.path("token").asString());
        LiveClient asBob = open(topics + "&access_token=" + bob.path("token").asString());
        LiveClient asAdmin = open(topics + "&access_token=" + adminToken);
        LiveClient forged = open(topics + "&access_token=" + forgedAdminToken());

        assertThat(topics(asAda)).containsExactly("books", "orders:" + adaId);
        assertThat(topics(asBob)).containsExactly("books");
        assertThat(topics(asAdmin)).containsExactly("admin", "books", "orders:" + adaId);
        assertThat(topics(anonymous)).containsExactly("books");
        assertThat(topics(forged)).containsExactly("books");
        assertThat(errors(asBob)).containsExactlyInAnyOrder("forbidden orders:" + adaId, "forbidden admin");
        assertThat(errors(asAda)).containsExactly("forbidden admin");
        assertThat(errors(anonymous)).containsExactlyInAnyOrder("unauthorized orders:" + adaId, "unauthorized admin");
        assertThat(errors(forged)).containsExactlyInAnyOrder("unauthorized orders:" + adaId, "unauthorized admin");

        String book = admin.createBook(Api.book(Api.unique("Orderable"))).path("id").asString();
        post("/api/orders", "{\"items\":[{\"bookId\":\"" + book + "\",\"quantity\":1}]}", ada.path("token").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> !orders(asAda).isEmpty() && !orders(asAdmin).isEmpty());
        // A later change everyone reads: once it is in, nothing published before it is still on its way.
        admin.patchBook(book, Api.json().put("price", 1));
        for (LiveClient client : clients) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.eventsFor(book).stream()
                    .anyMatch(event -> event.path("data").path("price").asInt() == 1));
        }
        assertThat(orders(asAda)).hasSize(1);
        assertThat(orders(asAdmin)).hasSize(1);
        assertThat(orders(asBob)).isEmpty();
        assertThat(orders(anonymous)).isEmpty();
        assertThat(orders(forged)).isEmpty();
    }

    private LiveClient open(String query) {
        LiveClient client = LiveClient.connect(stack.gateways().get(1).port(), query);
        clients.add(client);
        return client;
    }

    private static List<String> topics(LiveClient client) {
        return client.welcome().path("topics").valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> errors(LiveClient client) {
        await().atMost(Duration.ofSeconds(5)).until(() -> client.frames().size() > 0);
        return client.frames().stream().filter(frame -> frame.path("type").asString().equals("error"))
                .map(frame -> frame.path("code").asString() + " " + frame.path("topic").asString()).toList();
    }

    private static List<JsonNode> orders(LiveClient client) {
        return client.events().stream().filter(event -> event.path("type").asString().equals("order:created")).toList();
    }

    private JsonNode signUp(String name) throws Exception {
        String username = name + UUID.randomUUID().toString().substring(0, 8);
        return post("/api/auth/signup", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@bookhub.test\",\"password\":\"correct-horse-battery\"}");
    }

    private JsonNode post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, null);
    }

    private JsonNode post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.api().baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 201);
        return EnvelopeCodec.mapper().readTree(response.body());
    }

    /** An admin token signed with a key of our own under the api's key id: right shape, wrong signature. */
    private String forgedAdminToken() throws IOException, InterruptedException, GeneralSecurityException {
        JsonNode jwks = EnvelopeCodec.mapper().readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.api().baseUrl() + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String keyId = jwks.path("keys").get(0).path("kid").asString();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        String header = base64Url("{\"alg\":\"RS256\",\"kid\":\"" + keyId + "\"}");
        String claims = base64Url(EnvelopeCodec.mapper().writeValueAsString(Map.of("sub", "mallory", "name", "mallory",
                "role", "admin", "exp", Instant.now().plus(Duration.ofHours(1)).getEpochSecond())));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
