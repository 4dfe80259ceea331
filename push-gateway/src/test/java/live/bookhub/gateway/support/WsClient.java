package live.bookhub.gateway.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import live.bookhub.events.EnvelopeCodec;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client (the JDK's) of the gateway under test, keeping every frame and when it came. */
public final class WsClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> CONTROL_FRAMES = Set.of("welcome", "error", "pong", "subscribed", "sync:reset");

    /** A frame and the lag from its {@code ts} (when it has one) to its receipt. */
    public record Received(JsonNode frame, long lagMillis) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile String closeReason;
    private WebSocket socket;

    private WsClient() {
    }

    public static WsClient connect(int port, String query) {
        return connect(port, query, Map.of());
    }

    /** Connects to {@code ws://127.0.0.1:<port>/ws?<query>} and waits for the first frame or the close. */
    public static WsClient connect(int port, String query, Map<String, String> headers) {
        WsClient client = handshake(port, query, headers);
        await().atMost(Duration.ofSeconds(10)).until(() -> !client.received.isEmpty() || client.closeCode.isDone());
        return client;
    }

    /** Connects to {@code ws://127.0.0.1:<port>/ws?<query>} and returns once the handshake is done, maybe before any frame. */
    public static WsClient handshake(int port, String query, Map<String, String> headers) {
        WsClient client = new WsClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws" + (query.isEmpty() ? "" : "?" + query)),
                client.new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    public List<JsonNode> frames() {
        return received.stream().map(Received::frame).toList();
    }

    /** Every text frame received so far, as sent: for comparing bytes, not just JSON. */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public JsonNode welcome() {
        return received.get(0).frame();
    }

    public List<String> welcomeTopics() {
        return welcome().path("topics").valueStream().map(JsonNode::asString).toList();
    }

    /** The envelopes received so far, in order. */
    public List<JsonNode> events() {
        return frames().stream().filter(frame -> !CONTROL_FRAMES.contains(frame.path("type").asString())).toList();
    }

    public List<String> eventIds() {
        return events().stream().map(event -> event.path("id").asString()).toList();
    }

    public List<JsonNode> framesOfType(String type) {
        return frames().stream().filter(frame -> frame.path("type").asString().equals(type)).toList();
    }

    /** Where this client would resume from: its last envelope's {@code <epoch>:<id>}, else what its welcome named. */
    public String position() {
        List<JsonNode> events = events();
        if (events.isEmpty()) {
            return welcome().path("lastEventId").asString();
        }
        JsonNode last = events.get(events.size() - 1);
        return last.path("epoch").asString() + ":" + last.path("id").asString();
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    public boolean isOpen() {
        return !closeCode.isDone();
    }

    /** Says goodbye with a close frame when the connection is still up, then drops it. */
    @Override
    public void close() {
        CompletableFuture<?> goodbye = socket.isOutputClosed() ? CompletableFuture.completedFuture(null)
                : socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        goodbye.handle((sent, error) -> null).orTimeout(5, TimeUnit.SECONDS).join();
        socket.abort();
    }

    /** One whole text frame: kept with its lag from the envelope's {@code ts}, when it has one. */
    private void keep(String text) {
        texts.add(text);
        JsonNode frame = EnvelopeCodec.mapper().readTree(text);
        String ts = frame.path("ts").asString("");
        long lag = ts.isEmpty() || frame.path("id").isMissingNode() ? 0 : System.currentTimeMillis() - Instant.parse(ts).toEpochMilli();
        received.add(new Received(frame, lag));
    }

    private final class Listener implements WebSocket.Listener {
        private final List<String> pieces = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            pieces.add(data.toString());
            if (last) {
                keep(String.join("", pieces));
                pieces.clear();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
