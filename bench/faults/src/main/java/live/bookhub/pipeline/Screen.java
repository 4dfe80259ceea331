package live.bookhub.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One live screen: a real WebSocket client of one gateway reading {@code books}, which keeps, for each
 * event, when it arrived, the change's time ({@code ts}) and the stream id. It reads the few fields it
 * needs by position rather than parsing each frame: it shares the JVM with the embedded MongoDB server.
 */
final class Screen implements AutoCloseable {

    /** One event as it reached the screen; times in epoch milliseconds. */
    record Receipt(long atMillis, long tsMillis, String id) {
    }

    private final Receipts receipts = new Receipts();
    private final WebSocket socket;

    private Screen(int port) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?topics=books"), new Frames())
                .orTimeout(10, TimeUnit.SECONDS).join();
    }

    static Screen connect(int port) {
        return new Screen(port);
    }

    Receipts receipts() {
        return receipts;
    }

    private static String field(String frame, String name) {
        String key = "\"" + name + "\":\"";
        int start = frame.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        return frame.substring(start, frame.indexOf('"', start));
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Frames implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.currentTimeMillis();
                String frame = partial.toString();
                partial.setLength(0);
                String type = field(frame, "type");
                String ts = field(frame, "ts");
                if (type != null && type.startsWith("book:") && ts != null) {
                    receipts.add(new Receipt(now, Instant.parse(ts).toEpochMilli(), field(frame, "id")));
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
