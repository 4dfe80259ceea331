package live.bookhub.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import live.bookhub.gateway.support.GatewayTest;
import live.bookhub.gateway.support.StreamPublisher;
import live.bookhub.gateway.support.WsClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A seeded fuzz of what a client controls: random frames on an open WebSocket and random query
 * strings on the handshake. Whatever comes, the gateway answers with frames or a 4xx, never fails
 * (no 5xx, no silent close, no exception escaping), and the connection and the feed go on working.
 * A failure names the seed and the input, to replay it.
 */
@TestPropertySource(properties = {"bookhub.gateway.max-client-frames-per-second=100000", "bookhub.gateway.client-frame-burst=100000"})
class ClientInputFuzzIT extends GatewayTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);
    private static final String END_OF_FUZZ = "end of the fuzz";
    private static final String[] OPS = {"subscribe", "unsubscribe", "ping", "SUBSCRIBE", "", "pong", "sub scribe", "\u0000"};
    private static final String[] TOPICS = {"books", "admin", "orders:ada", "orders:", "orders:a/b", "*", "", "books ", "ORDERS:x",
            "orders:" + "x".repeat(70), "orders:\u00e9", "orders:%00"};

    @Test
    void randomFramesGetAnswersAndLeaveTheConnectionWorking() {
        SplittableRandom random = new SplittableRandom(SEED);
        try (WsClient client = connect("topics=books"); StreamPublisher publisher = publisher()) {
            for (int i = 0; i < 2000; i++) {
                client.send(frame(random));
            }
            // An unknown op whose error names it: once its answer is in, every random frame has been answered
            // (a pong would not do: random pings are answered with pongs too).
            client.send("{\"op\":\"" + END_OF_FUZZ + "\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> client.framesOfType("error").stream()
                    .anyMatch(error -> error.path("message").asString().contains(END_OF_FUZZ)));
            // Random frames may have unsubscribed books: subscribe again, and publish once that is answered.
            int answered = client.framesOfType("subscribed").size();
            client.send("{\"op\":\"subscribe\",\"topics\":[\"books\"]}");
            await().atMost(Duration.ofSeconds(10)).until(() -> client.framesOfType("subscribed").size() > answered);
            String id = publisher.book(1);

            await().atMost(Duration.ofSeconds(10)).until(() -> client.eventIds().contains(id));
            assertThat(client.closeCode()).as("seed %d", SEED).isNotDone();
            assertThat(client.framesOfType("error")).allSatisfy(error -> assertThat(error.path("code").asString())
                    .isIn("bad_frame", "unknown_op", "frame_too_large", "bad_topic", "unauthorized", "forbidden"));
        }
    }

    @Test
    void randomQueryStringsGetAWelcomeOrA4xxNeverAFailure() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 150; i++) {
            String query = queryString(random);
            String answer = handshake(query);
            assertThat(answer).as("seed %d, query %s", SEED + 1, query).matches("(?s)HTTP/1\\.1 (101 .*\"type\":\"welcome\".*|4\\d\\d .*)");
        }
        try (WsClient client = connect("topics=books")) {
            assertThat(client.welcome().path("type").asString()).isEqualTo("welcome");
        }
    }

    private static String frame(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> text(random, random.nextInt(200));
            case 1 -> "{\"op\":\"" + pick(random, OPS) + "\",\"topics\":" + json(random, 3) + "}";
            case 2 -> "{\"op\":\"subscribe\",\"topics\":[" + String.join(",", topics(random)) + "]}";
            case 3 -> "{\"op\":\"unsubscribe\",\"topics\":[" + String.join(",", topics(random)) + "]}";
            case 4 -> "[".repeat(random.nextInt(1, 3000)); // deeper than a JSON parser goes
            case 5 -> json(random, 6);
            case 6 -> "{\"op\":\"ping\",\"x\":\"" + "y".repeat(random.nextInt(3000, 9000)) + "\"}"; // over max-frame-size
            default -> "{\"op\":" + json(random, 2) + "}";
        };
    }

    private static List<String> topics(SplittableRandom random) {
        return random.ints(random.nextInt(0, 6), 0, TOPICS.length + 2)
                .mapToObj(n -> n < TOPICS.length ? "\"" + TOPICS[n] + "\"" : n == TOPICS.length ? "null" : "7").toList();
    }

    /** Random JSON, nested up to {@code depth}. */
    private static String json(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> random.nextBoolean() ? String.valueOf(random.nextLong()) : "1e" + random.nextInt(-400, 400);
            case 3 -> "\"" + escaped(text(random, random.nextInt(20))) + "\"";
            case 4 -> "\"" + pick(random, TOPICS) + "\"";
            case 5 -> "[" + String.join(",", random.ints(random.nextInt(4), 0, 1).mapToObj(n -> json(random, depth - 1)).toList()) + "]";
            default -> "{" + String.join(",", random.ints(random.nextInt(4), 0, 1)
                    .mapToObj(n -> "\"" + escaped(text(random, 5)) + "\":" + json(random, depth - 1)).toList()) + "}";
        };
    }

    private static String queryString(SplittableRandom random) {
        StringBuilder query = new StringBuilder();
        int parameters = random.nextInt(6);
        for (int i = 0; i < parameters; i++) {
            String name = pick(random, new String[] {"topics", "lastEventId", "access_token", "filter", "topics", random.nextBoolean() ? "" : "x"});
            String value = switch (random.nextInt(5)) {
                case 0 -> String.join(random.nextBoolean() ? "," : "%2C", topics(random).stream().map(t -> t.replace("\"", "")).toList());
                case 1 -> pick(random, new String[] {"e1:1-0", "1-0", "0-0", "abc:99999999999999999999-0", ":", "e1:", "-1-1", "18446744073709551615-18446744073709551615"});
                case 2 -> urlish(random, random.nextInt(60));
                case 3 -> "%" + (char) random.nextInt('0', 'z') + (char) random.nextInt('0', 'z');
                default -> "";
            };
            query.append(i == 0 ? "" : pick(random, new String[] {"&", "&&", ";", "&="})).append(name).append(random.nextInt(5) == 0 ? "" : "=").append(value);
        }
        return query.toString();
    }

    /** Printable ASCII and percent signs, which is what an HTTP request line carries. */
    private static String urlish(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = (char) random.nextInt(0x21, 0x7f);
            text.append(c == '#' ? '%' : c);
        }
        return text.toString();
    }

    private static String text(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextInt(4) == 0 ? random.nextInt(0x80, 0x2FFFF) : random.nextInt(0x20, 0x7f);
            // A lone surrogate is no text: a WebSocket client cannot send it as a text frame.
            text.appendCodePoint(Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? '?' : codePoint);
        }
        return text.toString();
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * A raw WebSocket handshake with this query: the status line, and after a 101 the first frame's
     * text (the gateway's frames are short, unmasked text frames).
     */
    private String handshake(String query) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            String request = "GET /ws?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String head = head(in);
            if (!head.startsWith("HTTP/1.1 101")) {
                return head;
            }
            int first = in.read();
            int length = in.read();
            if (first != 0x81 || length < 0) {
                return head + " then no text frame";
            }
            if (length == 126) {
                length = in.read() << 8 | in.read();
            }
            return head + " " + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                return "closed without an answer after: " + head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(next);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n"));
    }
}
