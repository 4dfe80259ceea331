package live.bookhub.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many customers checking out the same cart at once, over real HTTP. */
public final class ConcurrentCheckouts {

    private ConcurrentCheckouts() {
    }

    /** {@code count} checkouts of {@code cart}, the customers' tokens taking turns, all started together. */
    public static List<Http.Response> run(Http http, List<String> tokens, String cart, int count) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Http.Response>> checkouts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String token = tokens.get(i % tokens.size());
                checkouts.add(() -> http.post("/api/orders", token, cart));
            }
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : pool.invokeAll(checkouts, 60, TimeUnit.SECONDS)) {
                responses.add(future.get());
            }
            return responses;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a checkout failed to complete", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
