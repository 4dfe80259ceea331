package live.bookhub.gateway.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import live.bookhub.gateway.auth.TokenVerifier;
import live.bookhub.gateway.connection.ConnectRequest;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads a connect request and verifies its token off the event loop (a verification may fetch the
 * api's JWKS, and the loop serves thousands of other clients), then continues on the connection's loop.
 */
@Component
class ConnectReader implements DisposableBean {

    private final TokenVerifier verifier;
    private final ExecutorService executor;

    ConnectReader(TokenVerifier verifier) {
        this.verifier = verifier;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, runnable -> new Thread(runnable, "connect-" + threads.incrementAndGet()));
    }

    /** {@code then} runs on the channel's event loop while the channel is still open; the request's parts are copied. */
    void read(QueryStringDecoder uri, HttpHeaders headers, Channel channel, Consumer<ConnectRequest> then) {
        Map<String, List<String>> parameters = uri.parameters();
        HttpHeaders copied = headers.copy();
        try {
            executor.execute(() -> {
                ConnectRequest request = ConnectRequest.read(name -> first(parameters.get(name)), copied::get, verifier);
                channel.eventLoop().execute(() -> {
                    if (channel.isActive()) {
                        then.accept(request);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            channel.close(); // shutting down
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
