package live.bookhub.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import live.bookhub.faults.Link;
import live.bookhub.faults.WebSocketLink;

/**
 * One live screen: a real WebSocket client of one gateway reading {@code books}, which keeps, for each
 * event, when it arrived, the change's time ({@code ts}) and the stream id. It reads the few fields it
 * needs by position rather than parsing each frame: it shares the JVM with the embedded MongoDB server.
 */
final class Screen implements Link.Listener, AutoCloseable {

    /** One event as it reached the screen; times in epoch milliseconds. */
    record Receipt(long atMillis, long tsMillis, String id) {
    }

    private final Receipts receipts = new Receipts();
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final Link link;

    private Screen(int port) {
        this.link = WebSocketLink.open(HttpClient.newHttpClient(), URI.create("ws://127.0.0.1:" + port + "/ws?topics=books"), this);
    }

    /** A screen connected to the gateway on {@code port}, once its welcome came (at most 10 s). */
    static Screen connect(int port) {
        Screen screen = new Screen(port);
        screen.welcomed.orTimeout(10, TimeUnit.SECONDS).join();
        return screen;
    }

    Receipts receipts() {
        return receipts;
    }

    @Override
    public void onFrame(String frame) {
        long now = System.currentTimeMillis();
        String type = field(frame, "type");
        String ts = field(frame, "ts");
        if (type != null && type.startsWith("book:") && ts != null) {
            receipts.add(new Receipt(now, Instant.parse(ts).toEpochMilli(), field(frame, "id")));
        } else if ("welcome".equals(type)) {
            welcomed.complete(null);
        }
    }

    @Override
    public void onEnd(int code) {
        welcomed.completeExceptionally(new IllegalStateException("the screen's connection ended (" + code + ")"));
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
        link.close();
    }
}
