package live.bookhub.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.SilentClient;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever a client sends gets an answer, and no client can hurt the gateway. */
class ClientFramesIT extends GatewayTest {

    private WsClient client;

    @AfterEach
    void gatewayStaysHealthy() throws Exception {
        if (client != null) {
            client.close();
        }
        // Awaited, not read once: a resubscription caused by another test's load may report DOWN for a
        // moment (seen once in ten runs in random order); what no client may do is leave the gateway down.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        });
        try (WsClient fresh = connect("topics=books")) {
            fresh.send("{\"op\":\"ping\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> !fresh.framesOfType("pong").isEmpty());
        }
    }

    @Test
    void malformedJsonGetsABadFrameError() {
        client = connect("topics=books");

        client.send("{not json");
        client.send("[1,2]");
        client.send("{\"op\":\"subscribe\"}");

        await().atMost(Duration.ofSeconds(5)).until(() -> errorCodes().size() == 3);
        assertThat(errorCodes()).containsExactly("bad_frame", "bad_frame", "bad_frame");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void anUnknownOpGetsAnUnknownOpError() {
        client = connect("topics=books");

        client.send("{\"op\":\"publish\",\"topics\":[\"books\"]}");

        await().atMost(Duration.ofSeconds(5)).until(() -> errorCodes().size() == 1);
        assertThat(errorCodes()).containsExactly("unknown_op");
        assertThat(client.framesOfType("error").get(0).path("message").asString()).contains("publish");
    }

    @Test
    void anOversizedFrameGetsAnErrorFrameAndTheConnectionGoesOn() {
        client = connect("topics=books");

        client.send("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(50_000) + "\"}");
        client.send("{\"op\":\"ping\"}");

        await().atMost(Duration.ofSeconds(5)).until(() -> !client.framesOfType("pong").isEmpty());
        assertThat(errorCodes()).containsExactly("frame_too_large");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aFrameOverSixtyFourKibibytesIsNotReadAndClosesTheConnectionWith1009() throws Exception {
        try (SilentClient raw = SilentClient.connect(port, "topics=books")) {
            raw.sendFrameHeader(70_000);

            assertThat(closeCode(raw.readToEnd())).isEqualTo(1009);
        }
    }

    /** The code of the close frame among the server's frames (unmasked, payloads under 64 KiB), or -1. */
    private static int closeCode(byte[] frames) {
        int at = 0;
        while (at + 2 <= frames.length) {
            int opcode = frames[at] & 0x0f;
            int length = frames[at + 1] & 0x7f;
            int header = 2;
            if (length == 126) {
                length = ((frames[at + 2] & 0xff) << 8) | (frames[at + 3] & 0xff);
                header = 4;
            }
            if (opcode == 0x8) {
                return ((frames[at + header] & 0xff) << 8) | (frames[at + header + 1] & 0xff);
            }
            at += header + length;
        }
        return -1;
    }

    @Test
    void aClientFloodingFramesIsClosedWith1008() {
        client = connect("topics=books");

        // Past the burst (40) but no further: frames still arriving after the close would make the
        // kernel reset the connection, and the client would see 1006 instead of the close frame.
        for (int i = 0; i < 45; i++) {
            client.send("{\"op\":\"ping\"}");
        }

        assertThat(client.closeCode()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1008);
    }

    private List<String> errorCodes() {
        return client.framesOfType("error").stream().map(error -> error.path("code").asString()).toList();
    }
}
