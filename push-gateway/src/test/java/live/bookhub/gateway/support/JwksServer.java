package live.bookhub.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/** Serves a JWKS on 127.0.0.1 the way the api does, with keys a test controls, and counts the reads. */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final List<SigningKey> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    public static JwksServer start(SigningKey... published) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            JwksServer jwks = new JwksServer(http);
            jwks.keys.addAll(List.of(published));
            http.createContext("/.well-known/jwks.json", exchange -> {
                jwks.reads.incrementAndGet();
                byte[] body = ("{\"keys\":[" + jwks.keys.stream().map(SigningKey::jwk).collect(Collectors.joining(",")) + "]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** Publishes another key, as the api does when it rotates. */
    public void publish(SigningKey key) {
        keys.add(key);
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
