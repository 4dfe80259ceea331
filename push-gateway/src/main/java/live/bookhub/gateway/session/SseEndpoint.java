package live.bookhub.gateway.session;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import live.bookhub.gateway.auth.TokenVerifier;
import live.bookhub.gateway.system.GatewayProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;

/**
 * {@code GET /sse?topics=…} with {@code Last-Event-ID} (header, or {@code lastEventId} query): the
 * Server-Sent Events face of {@link Connections}, for clients that cannot use WebSockets. Same
 * topics, rights and resume; one-way, so topics are fixed by the query.
 */
@Component
public class SseEndpoint extends HttpServlet {

    private final transient Connections connections;
    private final transient Admission admission;
    private final transient TokenVerifier verifier;
    private final transient CorsConfiguration origins = new CorsConfiguration();

    SseEndpoint(Connections connections, Admission admission, TokenVerifier verifier, GatewayProperties properties) {
        this.connections = connections;
        this.admission = admission;
        this.verifier = verifier;
        origins.setAllowedOriginPatterns(properties.allowedOrigins());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            String allowed = origins.checkOrigin(origin);
            if (allowed == null) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "origin not allowed");
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", allowed);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Vary", "Origin");
        }
        ConnectRequest connect = ConnectRequest.read(request::getParameter, request::getHeader, verifier);
        Optional<Refusal> refusal = admission.admit(connect.authentication().viewer());
        if (refusal.isPresent()) {
            response.setHeader("Retry-After", "1");
            response.sendError(refusal.get().httpStatus(), refusal.get().reason());
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no"); // nginx: pass events on at once
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the heartbeat's comments keep it alive; dead peers fail a write
        Ended ended = new Ended();
        async.addListener(ended);
        try {
            ended.attach(connections.open(connect, new SseTransport(async)));
        } catch (IOException | RuntimeException e) {
            admission.release(connect.authentication().viewer());
            async.complete();
            throw e;
        }
    }

    /** Whatever ends the stream (the client left, a write failed, the gateway closed it) closes the client once. */
    private final class Ended implements AsyncListener {
        private ClientSession client;
        private boolean ended;

        synchronized void attach(ClientSession opened) {
            client = opened;
            if (ended) {
                connections.closed(opened);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            end();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            end();
        }

        @Override
        public void onError(AsyncEvent event) {
            end();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        private synchronized void end() {
            if (!ended) {
                ended = true;
                if (client != null) {
                    connections.closed(client);
                }
            }
        }
    }
}
