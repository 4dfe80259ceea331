package live.bookhub.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** A real WebSocket ({@code java.net.http}): pings are answered by the client library, as a browser's are. */
public final class WebSocketLink extends OnceEndedLink {

    private volatile WebSocket socket;

    private WebSocketLink(Listener listener) {
        super(listener);
    }

    public static Link open(HttpClient http, URI uri, Listener listener) {
        WebSocketLink link = new WebSocketLink(listener);
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, link.new Frames())
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        link.end(-1);
                        return;
                    }
                    link.socket = socket;
                    if (link.isClosing()) {
                        socket.abort();
                    }
                });
        return link;
    }

    @Override
    void abort() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private final class Frames implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frame(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end(statusCode);
            return null; // the library answers the close at once
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end(-1);
        }
    }
}
