package live.bookhub.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Flow;

import live.bookhub.events.EnvelopeCodec;

/**
 * A Server-Sent Events stream read as an EventSource reads it: {@code data:} lines are the frames, the
 * position goes back in {@code Last-Event-ID}, and the gateway's {@code close} record gives the close code.
 */
final class SseLink extends OnceEndedLink {

    private static final String DATA = "data: ";

    private volatile Flow.Subscription subscription;
    private volatile int closeCode = -1;

    private SseLink(Listener listener) {
        super(listener);
    }

    static Link open(HttpClient http, URI uri, String lastEventId, Listener listener) {
        SseLink link = new SseLink(listener);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofHours(2));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(link.new Lines()))
                .whenComplete((response, error) -> link.end(error == null && response.statusCode() != 200 ? response.statusCode() : link.closeCode));
        return link;
    }

    @Override
    void abort() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private final class Lines implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            SseLink.this.subscription = subscription;
            if (isClosing()) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith(DATA)) {
                return;
            }
            String json = line.substring(DATA.length());
            if (json.startsWith("{\"type\":\"close\"")) {
                closeCode = EnvelopeCodec.mapper().readTree(json).path("code").asInt(-1);
                return;
            }
            frame(json);
        }

        @Override
        public void onError(Throwable error) {
            end(-1);
        }

        @Override
        public void onComplete() {
            end(closeCode);
        }
    }
}
