package live.bookhub.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP/1.1 written by hand over a socket: requests no well-behaved client would send. */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawHttp() {
    }

    public record Response(int status, String head, String body) {

        public String header(String name) {
            return head.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Sends {@code request} (its bytes as ISO-8859-1, so any byte can be written) and reads the answer to the end. */
    public static Response exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, end);
            String body = raw.substring(end + 4);
            Response response = new Response(Integer.parseInt(head.substring(9, 12)), head, body);
            return "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))
                    ? new Response(response.status(), head, dechunk(body)) : response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return out.toString(StandardCharsets.UTF_8);
            }
            out.writeBytes(body.substring(lineEnd + 2, lineEnd + 2 + size).getBytes(StandardCharsets.UTF_8));
            at = lineEnd + 2 + size + 2;
        }
    }
}
