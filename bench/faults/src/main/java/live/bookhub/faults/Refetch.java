package live.bookhub.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a client does on {@code sync:reset}: it reloads what it shows from the api — the first page of
 * books, and a customer's own orders. Asynchronous, so a herd of resets does not stall the clients'
 * threads; counted, so the report says whether the api answered them.
 */
final class Refetch {

    private final HttpClient http;
    private final String apiUrl;
    private final AtomicLong answered = new AtomicLong();
    /** Failures by what they were: an HTTP status, or the exception's class. */
    private final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();

    Refetch(HttpClient http, String apiUrl) {
        this.http = http;
        this.apiUrl = apiUrl;
    }

    void of(String token) {
        get("/api/books?page=0&size=20", null);
        if (token != null) {
            get("/api/orders?page=0&size=20", token);
        }
    }

    private void get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                answered.incrementAndGet();
            } else {
                String reason = error == null ? "HTTP " + response.statusCode()
                        : (error.getCause() == null ? error : error.getCause()).getClass().getSimpleName();
                failed.computeIfAbsent(reason, key -> new AtomicLong()).incrementAndGet();
            }
        });
    }

    String summary() {
        long failures = failed.values().stream().mapToLong(AtomicLong::get).sum();
        return "refetches after resets: " + answered.get() + " answered, " + failures + " failed"
                + (failures == 0 ? "" : " " + new TreeMap<>(failed));
    }
}
