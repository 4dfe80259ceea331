package live.bookhub.infra.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import live.bookhub.events.EnvelopeCodec;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client of a push-gateway that keeps every frame it receives. */
public final class LiveClient implements AutoCloseable {

    private static final Set<String> CONTROL_FRAMES = Set.of("welcome", "error", "pong", "subscribed", "sync:reset");

    /** A frame and when it arrived ({@link System#currentTimeMillis()}), to measure a latency against a write's time. */
    public record Received(JsonNode frame, long atMillis) {
    }

    private final List<Received> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket socket;

    private LiveClient() {
    }

    /** Connects to {@code ws://127.0.0.1:<port>/ws?<query>} and waits for the welcome frame. */
    public static LiveClient connect(int port, String query) {
        LiveClient client = new LiveClient();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws" + (query.isEmpty() ? "" : "?" + query));
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, client.new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !client.frames.isEmpty());
        return client;
    }

    public List<JsonNode> frames() {
        return frames.stream().map(Received::frame).toList();
    }

    /** The first frame received that matches, with its arrival time. */
    public Optional<Received> first(Predicate<JsonNode> which) {
        return frames.stream().filter(received -> which.test(received.frame())).findFirst();
    }

    public JsonNode welcome() {
        return frames.get(0).frame();
    }

    /** The envelopes received so far, in order. */
    public List<JsonNode> events() {
        return frames().stream().filter(frame -> !CONTROL_FRAMES.contains(frame.path("type").asString())).toList();
    }

    /** The envelopes about one document. */
    public List<JsonNode> eventsFor(String documentId) {
        return events().stream().filter(event -> documentId.equals(event.path("data").path("id").asString())).toList();
    }

    /** The position to resume from: the last envelope's {@code <epoch>:<id>}, else the one the welcome named. */
    public String lastEventId() {
        List<JsonNode> events = events();
        if (events.isEmpty()) {
            return welcome().path("lastEventId").asString();
        }
        JsonNode last = events.get(events.size() - 1);
        return last.path("epoch").asString() + ":" + last.path("id").asString();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(error -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(new Received(EnvelopeCodec.mapper().readTree(partial.toString()), System.currentTimeMillis()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
