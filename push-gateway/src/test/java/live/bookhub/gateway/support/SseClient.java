package live.bookhub.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import live.bookhub.events.EnvelopeCodec;
import tools.jackson.databind.JsonNode;

/** An EventSource-style client: reads {@code id:}/{@code event:}/{@code data:} records from {@code GET /sse}. */
public final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One SSE record; {@code id} is {@code null} when the record had no {@code id:} line. */
    public record Record(String id, String event, JsonNode data) {
    }

    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final int status;
    private final InputStream body;
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient connect(int port, String query, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sse?" + query))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("GET /sse failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    public List<Record> records() {
        return List.copyOf(records);
    }

    /** The envelopes: records whose data has a stream id (the gateway's own frames have none). */
    public List<Record> events() {
        return records.stream().filter(record -> record.data().has("id")).toList();
    }

    public List<Record> ofType(String event) {
        return records.stream().filter(record -> record.event().equals(event)).toList();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        records.add(new Record(id, event, EnvelopeCodec.mapper().readTree(data.toString())));
                    }
                    id = null;
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (IOException e) {
            // closed by the test or the server
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
