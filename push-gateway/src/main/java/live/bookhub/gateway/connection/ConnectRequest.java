package live.bookhub.gateway.connection;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import live.bookhub.events.Topics;
import live.bookhub.gateway.auth.Authentication;
import live.bookhub.gateway.auth.TokenVerifier;

/**
 * What a client asks for when it connects, whatever the transport: who it is, its topics (default
 * {@code books}, none when it sends filters), its filtered subscriptions and where it resumes.
 *
 * @param filter      the {@code filter} parameter as sent (JSON), or {@code null}
 * @param lastEventId the id to resume after, or {@code null} for live events from now
 */
public record ConnectRequest(Authentication authentication, List<String> topics, String filter, String lastEventId) {

    /**
     * @param query  a query parameter by name (decoded), or {@code null}
     * @param header a request header by name, or {@code null}
     */
    public static ConnectRequest read(UnaryOperator<String> query, UnaryOperator<String> header, TokenVerifier verifier) {
        String lastEventId = query.apply("lastEventId");
        if (lastEventId == null || lastEventId.isBlank()) {
            lastEventId = header.apply("Last-Event-ID"); // what an EventSource sends when it reconnects
        }
        String filter = query.apply("filter");
        filter = filter == null || filter.isBlank() ? null : filter;
        return new ConnectRequest(verifier.authenticate(query, header), topics(query.apply("topics"), filter != null), filter,
                lastEventId == null || lastEventId.isBlank() ? null : lastEventId.trim());
    }

    private static List<String> topics(String names, boolean filtered) {
        if (names == null || names.isBlank()) {
            return filtered ? List.of() : List.of(Topics.BOOKS);
        }
        return
Arrays.stream(names.split(",")).map(String::trim).filter(topic -> !topic.isEmpty()).distinct().toList();
    }
}
